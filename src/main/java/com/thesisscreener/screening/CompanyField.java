package com.thesisscreener.screening;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The inputs of a company record by their THESIS.md names, so rule files can say which inputs a test needs. */
public enum CompanyField {
    TICKER("ticker", Company::ticker),
    NAME("name", Company::name),
    SEGMENT("segment", Company::segment),
    PROPRIETARY_DATA("proprietaryData", Company::proprietaryData),
    DISTRIBUTION_SWITCHING_COST("distributionSwitchingCost", Company::distributionSwitchingCost),
    OWNS_COMPUTE("ownsCompute", Company::ownsCompute),
    API_REVENUE_SHARE("apiRevenueShare", Company::apiRevenueShare),
    TOKEN_VOLUME_GROWTH("tokenVolumeGrowth", Company::tokenVolumeGrowth),
    PRICE_PER_TOKEN_CHANGE("pricePerTokenChange", Company::pricePerTokenChange),
    OPEN_SOURCE_GAP_MONTHS("openSourceGapMonths", Company::openSourceGapMonths),
    GROSS_MARGIN("grossMargin", Company::grossMargin),
    GROSS_MARGIN_CHANGE("grossMarginChange", Company::grossMarginChange),
    REVENUE_GROWTH("revenueGrowth", Company::revenueGrowth),
    EV_TO_SALES("evToSales", Company::evToSales),
    MARKET_CAP_USD("marketCapUsd", Company::marketCapUsd),
    EU_REVENUE_SHARE("euRevenueShare", Company::euRevenueShare),
    SINGLE_GEOGRAPHY_FAB_DEPENDENCY("singleGeographyFabDependency", Company::singleGeographyFabDependency),
    HYPERSCALER_REVENUE_SHARE("hyperscalerRevenueShare", Company::hyperscalerRevenueShare),
    CAPEX_TO_REVENUE("capexToRevenue", Company::capexToRevenue),
    AGENTIC_PRODUCTION_CONTRACTS("agenticProductionContracts", Company::agenticProductionContracts),
    SOVEREIGN_AI_EXPOSURE("sovereignAiExposure", Company::sovereignAiExposure);

    private static final Map<String, CompanyField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CompanyField::fieldName, Function.identity()));
    private static final CompanyField[] ALL = values();

    private final String fieldName;
    private final Function<Company, Object> accessor;

    CompanyField(String fieldName, Function<Company, Object> accessor) {
        this.fieldName = fieldName;
        this.accessor = accessor;
    }

    public String fieldName() {
        return fieldName;
    }

    public Object valueOf(Company company) {
        return accessor.apply(company);
    }

    public static Optional<CompanyField> byName(String fieldName) {
        return Optional.ofNullable(BY_NAME.get(fieldName));
    }

    /** One bit per field that holds a value, so "are all inputs of this test known" is a single mask test. */
    static long knownMask(Company company) {
        long mask = 0;
        for (CompanyField field : ALL) {
            if (field.accessor.apply(company) != null) mask |= 1L << field.ordinal();
        }
        return mask;
    }
}
