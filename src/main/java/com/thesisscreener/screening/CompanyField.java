package com.thesisscreener.screening;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inputs of a company record by their THESIS.md names, so rule files can say which inputs a test needs,
 * with the label an analyst reads and the values each input can take ({@link FieldDomain}: valid range,
 * plausible span and precision, which bound what-if answers).
 */
public enum CompanyField {
    TICKER("ticker", "ticker", Company::ticker, Company.Builder::ticker, FieldDomain.NOT_VARIED),
    NAME("name", "name", Company::name, Company.Builder::name, FieldDomain.NOT_VARIED),
    SEGMENT("segment", "segment", Company::segment, Company.Builder::segment, FieldDomain.NOT_VARIED),
    PROPRIETARY_DATA("proprietaryData", "proprietary data", Company::proprietaryData, Company.Builder::proprietaryData, FieldDomain.FLAG),
    DISTRIBUTION_SWITCHING_COST("distributionSwitchingCost", "distribution switching cost", Company::distributionSwitchingCost, Company.Builder::distributionSwitchingCost, FieldDomain.CHOICE),
    OWNS_COMPUTE("ownsCompute", "owned compute", Company::ownsCompute, Company.Builder::ownsCompute, FieldDomain.FLAG),
    API_REVENUE_SHARE("apiRevenueShare", "an API revenue share", Company::apiRevenueShare, Company.Builder::apiRevenueShare, FieldDomain.SHARE),
    TOKEN_VOLUME_GROWTH("tokenVolumeGrowth", "token volume growth", Company::tokenVolumeGrowth, Company.Builder::tokenVolumeGrowth, FieldDomain.growth(20).readAsTimes()),
    PRICE_PER_TOKEN_CHANGE("pricePerTokenChange", "a price per token change", Company::pricePerTokenChange, Company.Builder::pricePerTokenChange, FieldDomain.growth(5)),
    OPEN_SOURCE_GAP_MONTHS("openSourceGapMonths", "an open-source gap", Company::openSourceGapMonths, Company.Builder::openSourceGapMonths, FieldDomain.MONTHS),
    GROSS_MARGIN("grossMargin", "a gross margin", Company::grossMargin, Company.Builder::grossMargin, FieldDomain.MARGIN),
    GROSS_MARGIN_CHANGE("grossMarginChange", "a gross margin change", Company::grossMarginChange, Company.Builder::grossMarginChange, FieldDomain.MARGIN_CHANGE),
    REVENUE_GROWTH("revenueGrowth", "revenue growth", Company::revenueGrowth, Company.Builder::revenueGrowth, FieldDomain.growth(10)),
    EV_TO_SALES("evToSales", "an EV/sales", Company::evToSales, Company.Builder::evToSales, FieldDomain.SALES_MULTIPLE),
    MARKET_CAP_USD("marketCapUsd", "a market cap", Company::marketCapUsd, Company.Builder::marketCapUsd, FieldDomain.DOLLARS),
    EU_REVENUE_SHARE("euRevenueShare", "an EU revenue share", Company::euRevenueShare, Company.Builder::euRevenueShare, FieldDomain.SHARE),
    SINGLE_GEOGRAPHY_FAB_DEPENDENCY("singleGeographyFabDependency", "a single-geography fab dependency", Company::singleGeographyFabDependency, Company.Builder::singleGeographyFabDependency, FieldDomain.SHARE),
    HYPERSCALER_REVENUE_SHARE("hyperscalerRevenueShare", "a hyperscaler revenue share", Company::hyperscalerRevenueShare, Company.Builder::hyperscalerRevenueShare, FieldDomain.SHARE),
    CAPEX_TO_REVENUE("capexToRevenue", "capex/revenue", Company::capexToRevenue, Company.Builder::capexToRevenue, FieldDomain.RATIO),
    AGENTIC_PRODUCTION_CONTRACTS("agenticProductionContracts", "agentic production contracts", Company::agenticProductionContracts, Company.Builder::agenticProductionContracts, FieldDomain.COUNT),
    SOVEREIGN_AI_EXPOSURE("sovereignAiExposure", "sovereign AI exposure", Company::sovereignAiExposure, Company.Builder::sovereignAiExposure, FieldDomain.FLAG);

    private static final Map<String, CompanyField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CompanyField::fieldName, Function.identity()));
    private static final CompanyField[] ALL = values();

    private final String fieldName;
    private final String label;
    private final Function<Company, Object> accessor;
    private final BiConsumer<Company.Builder, Object> setter;
    private final FieldDomain domain;

    @SuppressWarnings("unchecked")
    <T> CompanyField(String fieldName, String label, Function<Company, T> accessor, BiFunction<Company.Builder, T, Company.Builder> setter,
                     FieldDomain domain) {
        this.fieldName = fieldName;
        this.label = label;
        this.accessor = (Function<Company, Object>) accessor;
        this.setter = (builder, value) -> setter.apply(builder, (T) value);
        this.domain = domain;
    }

    public String fieldName() {
        return fieldName;
    }

    /** How an analyst reads the input in a sentence: "token volume growth", "an EV/sales". */
    public String label() {
        return label;
    }

    public FieldDomain domain() {
        return domain;
    }

    /** The company with this one input changed (the value must have the field's type) and every other input as it was. */
    public Company with(Company company, Object value) {
        Company.Builder builder = company.toBuilder();
        setter.accept(builder, value);
        return builder.build();
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
