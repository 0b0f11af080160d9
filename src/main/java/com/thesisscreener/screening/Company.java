package com.thesisscreener.screening;

import java.util.Objects;

/**
 * One company record as the thesis describes it (see THESIS.md, "Company record: the inputs").
 * Ratios are fractions (0.45 is 45 %), growth of +250 % is 2.5, money is US dollars.
 * Every field but {@code ticker} and {@code segment} may be {@code null}, meaning "not known";
 * a rule that needs a missing input does not fire.
 */
public record Company(
        String ticker,
        String name,
        Segment segment,
        Boolean proprietaryData,
        SwitchingCost distributionSwitchingCost,
        Boolean ownsCompute,
        Double apiRevenueShare,
        Double tokenVolumeGrowth,
        Double pricePerTokenChange,
        Double openSourceGapMonths,
        Double grossMargin,
        Double grossMarginChange,
        Double revenueGrowth,
        Double evToSales,
        Double marketCapUsd,
        Double euRevenueShare,
        Double singleGeographyFabDependency,
        Double hyperscalerRevenueShare,
        Double capexToRevenue,
        Integer agenticProductionContracts,
        Boolean sovereignAiExposure) {

    public Company {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(segment, "segment");
    }

    /** The thesis names exactly three moat anchors: proprietary data, HIGH switching costs, owned compute. */
    public int moatAnchorCount() {
        int anchors = 0;
        if (Boolean.TRUE.equals(proprietaryData)) anchors++;
        if (distributionSwitchingCost == SwitchingCost.HIGH) anchors++;
        if (Boolean.TRUE.equals(ownsCompute)) anchors++;
        return anchors;
    }

    /** True when all three anchor inputs are known, so "no anchor" is a fact rather than a gap. */
    public boolean moatAnchorsKnown() {
        return proprietaryData != null && distributionSwitchingCost != null && ownsCompute != null;
    }

    /** Whether the company sells through model or inference APIs at all (unknown counts as "maybe"). */
    public boolean mayHaveApiRevenue() {
        return apiRevenueShare == null || apiRevenueShare > 0;
    }

    public static Builder builder(String ticker, Segment segment) {
        return new Builder().ticker(ticker).segment(segment);
    }

    /** A copy with some fields changed, for what-if checks and tests. */
    public Builder toBuilder() {
        Builder copy = new Builder();
        for (CompanyField field : CompanyField.ALL) {
            field.set(copy, field.valueOf(this));
        }
        return copy;
    }

    /** Fluent construction for importers, the API and tests; {@link #build()} checks ticker and segment. */
    public static final class Builder {
        private String ticker;
        private String name;
        private Segment segment;
        private Boolean proprietaryData;
        private SwitchingCost distributionSwitchingCost;
        private Boolean ownsCompute;
        private Double apiRevenueShare;
        private Double tokenVolumeGrowth;
        private Double pricePerTokenChange;
        private Double openSourceGapMonths;
        private Double grossMargin;
        private Double grossMarginChange;
        private Double revenueGrowth;
        private Double evToSales;
        private Double marketCapUsd;
        private Double euRevenueShare;
        private Double singleGeographyFabDependency;
        private Double hyperscalerRevenueShare;
        private Double capexToRevenue;
        private Integer agenticProductionContracts;
        private Boolean sovereignAiExposure;

        private Builder() {
        }

        public Builder ticker(String ticker) {
            this.ticker = ticker;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder segment(Segment segment) {
            this.segment = segment;
            return this;
        }

        public Builder proprietaryData(Boolean proprietaryData) {
            this.proprietaryData = proprietaryData;
            return this;
        }

        public Builder distributionSwitchingCost(SwitchingCost distributionSwitchingCost) {
            this.distributionSwitchingCost = distributionSwitchingCost;
            return this;
        }

        public Builder ownsCompute(Boolean ownsCompute) {
            this.ownsCompute = ownsCompute;
            return this;
        }

        public Builder apiRevenueShare(Double apiRevenueShare) {
            this.apiRevenueShare = apiRevenueShare;
            return this;
        }

        public Builder tokenVolumeGrowth(Double tokenVolumeGrowth) {
            this.tokenVolumeGrowth = tokenVolumeGrowth;
            return this;
        }

        public Builder pricePerTokenChange(Double pricePerTokenChange) {
            this.pricePerTokenChange = pricePerTokenChange;
            return this;
        }

        public Builder openSourceGapMonths(Double openSourceGapMonths) {
            this.openSourceGapMonths = openSourceGapMonths;
            return this;
        }

        public Builder grossMargin(Double grossMargin) {
            this.grossMargin = grossMargin;
            return this;
        }

        public Builder grossMarginChange(Double grossMarginChange) {
            this.grossMarginChange = grossMarginChange;
            return this;
        }

        public Builder revenueGrowth(Double revenueGrowth) {
            this.revenueGrowth = revenueGrowth;
            return this;
        }

        public Builder evToSales(Double evToSales) {
            this.evToSales = evToSales;
            return this;
        }

        public Builder marketCapUsd(Double marketCapUsd) {
            this.marketCapUsd = marketCapUsd;
            return this;
        }

        public Builder euRevenueShare(Double euRevenueShare) {
            this.euRevenueShare = euRevenueShare;
            return this;
        }

        public Builder singleGeographyFabDependency(Double singleGeographyFabDependency) {
            this.singleGeographyFabDependency = singleGeographyFabDependency;
            return this;
        }

        public Builder hyperscalerRevenueShare(Double hyperscalerRevenueShare) {
            this.hyperscalerRevenueShare = hyperscalerRevenueShare;
            return this;
        }

        public Builder capexToRevenue(Double capexToRevenue) {
            this.capexToRevenue = capexToRevenue;
            return this;
        }

        public Builder agenticProductionContracts(Integer agenticProductionContracts) {
            this.agenticProductionContracts = agenticProductionContracts;
            return this;
        }

        public Builder sovereignAiExposure(Boolean sovereignAiExposure) {
            this.sovereignAiExposure = sovereignAiExposure;
            return this;
        }

        public Company build() {
            return new Company(ticker, name, segment, proprietaryData, distributionSwitchingCost, ownsCompute, apiRevenueShare, tokenVolumeGrowth, pricePerTokenChange, openSourceGapMonths, grossMargin, grossMarginChange, revenueGrowth, evToSales, marketCapUsd, euRevenueShare, singleGeographyFabDependency, hyperscalerRevenueShare, capexToRevenue, agenticProductionContracts, sovereignAiExposure);
        }
    }
}
