package com.thesisscreener.screening;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of company inputs: every input by its THESIS.md name, with the label an analyst reads in a
 * sentence, the values it can take ({@link FieldDomain}), how typed text is read ({@link InputValues}) and the
 * spreadsheet column it comes from ({@link Column}: header, other accepted headers, what goes in it). The
 * importer's columns, the import template, the REST record's mapping, the store's rows, the generator's headers
 * and the inputs table in {@code docs/inputs.md} are all derived from here, in this order.
 */
public enum CompanyField {
    TICKER("ticker", "ticker", Company::ticker, Company.Builder::ticker, FieldDomain.NOT_VARIED, InputValues.TICKER,
            column("Ticker", "The company's ticker; identifies the result.", "CRVN",
                    "Text, at most " + InputValues.TICKER_MAX_CHARS + " characters, unique within the file.",
                    "Symbol", "Ticker symbol", "Stock symbol", "Stock ticker", "Ticker code")),
    NAME("name", "name", Company::name, Company.Builder::name, FieldDomain.NOT_VARIED, InputValues.NAME,
            column("Company", "Company name, shown with the result.", "Corvane Silicon",
                    "Text, at most " + InputValues.NAME_MAX_CHARS + " characters.",
                    "Company name", "Issuer", "Issuer name", "Security name", "Holding")),
    SEGMENT("segment", "segment", Company::segment, Company.Builder::segment, FieldDomain.NOT_VARIED, InputValues.SEGMENT,
            column("Segment", "Where the company sits in the AI build-out; the thesis treats the tiers differently.",
                    "SEMICONDUCTORS", "One of " + names(Segment.values()) + ".",
                    "Sector", "AI segment", "Industry segment", "Industry", "Tier segment")),
    PROPRIETARY_DATA("proprietaryData", "proprietary data", Company::proprietaryData, Company.Builder::proprietaryData,
            FieldDomain.FLAG, InputValues.FLAG,
            column("Proprietary data", "Controls proprietary data assets (moat anchor 1).", "yes", "Flag: yes or no.",
                    "Has proprietary data", "Proprietary data assets", "Owns proprietary data", "Data moat")),
    DISTRIBUTION_SWITCHING_COST("distributionSwitchingCost", "distribution switching cost", Company::distributionSwitchingCost,
            Company.Builder::distributionSwitchingCost, FieldDomain.CHOICE, InputValues.SWITCHING_COST,
            column("Distribution switching cost", "How hard it is for customers to leave the company's distribution "
                            + "channels (HIGH is moat anchor 2; MEDIUM earns points but is not an anchor).", "HIGH",
                    "One of " + names(SwitchingCost.values()) + ".",
                    "Switching cost", "Switching costs", "Distribution switching costs", "Customer switching cost")),
    OWNS_COMPUTE("ownsCompute", "owned compute", Company::ownsCompute, Company.Builder::ownsCompute, FieldDomain.FLAG,
            InputValues.FLAG,
            column("Owns compute", "Controls physical compute: silicon, power or cooling (moat anchor 3).", "no",
                    "Flag: yes or no.", "Own compute", "Controls compute", "Owns physical compute", "Physical compute")),
    API_REVENUE_SHARE("apiRevenueShare", "an API revenue share", Company::apiRevenueShare, Company.Builder::apiRevenueShare,
            FieldDomain.SHARE, Texts.SHARE,
            column("API revenue share", "Share of revenue sold through model or inference APIs.", "45%",
                    "Percentage, 0% to 100% (a fraction 0 to 1); 0% = no API revenue.",
                    "API revenue", "API revenue %", "API share", "API share of revenue", "API % of revenue",
                    "API revenue pct", "API revenue percent", "Revenue share API")),
    TOKEN_VOLUME_GROWTH("tokenVolumeGrowth", "token volume growth", Company::tokenVolumeGrowth, Company.Builder::tokenVolumeGrowth,
            FieldDomain.growth(20).readAsTimes(), "a growth of -100% or more, as a fraction like 2.5 or a percentage like 250%",
            column("Token volume growth", "Year-on-year growth of the tokens (usage) served.", "250%",
                    "Percentage, -100% or more; +250% growth is 250%.",
                    "Token growth", "Tokens growth", "Token volume growth YoY", "Token growth YoY", "Usage growth",
                    "Tokens served growth")),
    PRICE_PER_TOKEN_CHANGE("pricePerTokenChange", "a price per token change", Company::pricePerTokenChange,
            Company.Builder::pricePerTokenChange, FieldDomain.growth(5),
            "a change of -100% or more, as a fraction like -0.6 or a percentage like -60%",
            column("Price per token change", "Year-on-year change of the price per token; negative = deflation.", "-60%",
                    "Percentage, -100% or more.",
                    "Token price change", "Price per token YoY", "Price/token change", "Price per token chg",
                    "Token price change YoY", "Price change per token")
                    .whenEmpty("Empty: the thesis' industry rate (78.5% deflation a year) is used and the result says so "
                            + "(VOL-ASSUMED).")),
    OPEN_SOURCE_GAP_MONTHS("openSourceGapMonths", "an open-source gap", Company::openSourceGapMonths,
            Company.Builder::openSourceGapMonths, FieldDomain.MONTHS, InputValues.MONTHS,
            column("Open-source gap (months)", "How many months open-weight models trail the company's best model.", "6",
                    "Months, 0 or more.",
                    "Open source gap", "Open-source gap months", "OSS gap", "OSS gap months", "Open weight gap",
                    "Open weights gap", "Open weight gap months", "Capability gap months")),
    GROSS_MARGIN("grossMargin", "a gross margin", Company::grossMargin, Company.Builder::grossMargin, FieldDomain.MARGIN,
            "a fraction between -1 and 1 or a percentage like 45%",
            column("Gross margin", "Gross margin (reported only; no rule scores it).", "62%", "Percentage, -100% to 100%.",
                    "GM", "Gross margin %", "Gross margin pct", "Gross margin percent")),
    GROSS_MARGIN_CHANGE("grossMarginChange", "a gross margin change", Company::grossMarginChange,
            Company.Builder::grossMarginChange, FieldDomain.MARGIN_CHANGE, "a number or a percentage like -6%",
            column("Gross margin change", "Year-on-year change in gross margin.", "-6%",
                    "Percentage points as a percentage, any sign; -6% = six points lower.",
                    "Gross margin chg", "Gross margin YoY change", "Gross margin delta", "Change in gross margin",
                    "GM change", "GM chg", "Gross margin change YoY")),
    REVENUE_GROWTH("revenueGrowth", "revenue growth", Company::revenueGrowth, Company.Builder::revenueGrowth,
            FieldDomain.growth(10), "a growth of -100% or more, as a fraction like 0.25 or a percentage like 25%",
            column("Revenue growth", "Year-on-year revenue growth.", "25%", "Percentage, -100% or more.",
                    "Rev growth", "Revenue growth YoY", "YoY revenue growth", "Sales growth", "Revenue YoY",
                    "Top line growth", "Revenue growth %")),
    EV_TO_SALES("evToSales", "an EV/sales", Company::evToSales, Company.Builder::evToSales, FieldDomain.SALES_MULTIPLE,
            InputValues.MULTIPLE,
            column("EV/Sales", "Enterprise value / sales.", "12.5", "Multiple, 0 or more.",
                    "EV to sales", "EV/Revenue", "EV to revenue", "EV/S", "Enterprise value to sales", "EV/Sales multiple",
                    "EV sales multiple")),
    MARKET_CAP_USD("marketCapUsd", "a market cap", Company::marketCapUsd, Company.Builder::marketCapUsd, FieldDomain.DOLLARS,
            InputValues.MONEY,
            column("Market cap (USD)", "Market capitalisation.", "8500000000",
                    "US dollars, 0 or more, as a plain number or like $8.5B.",
                    "Market cap", "Market capitalisation", "Market capitalization", "Market capitalisation (USD)",
                    "Market capitalization (USD)", "Mkt cap", "Mkt cap (USD)", "Market cap ($)", "MCap")),
    EU_REVENUE_SHARE("euRevenueShare", "an EU revenue share", Company::euRevenueShare, Company.Builder::euRevenueShare,
            FieldDomain.SHARE, Texts.SHARE,
            column("EU revenue share", "Share of revenue from the EU.", "30%", "Percentage, 0% to 100%.",
                    "EU revenue", "EU revenue %", "EU share", "EU share of revenue", "EU % of revenue",
                    "Europe revenue share", "Revenue from EU", "EU revenue pct")),
    SINGLE_GEOGRAPHY_FAB_DEPENDENCY("singleGeographyFabDependency", "a single-geography fab dependency",
            Company::singleGeographyFabDependency, Company.Builder::singleGeographyFabDependency, FieldDomain.SHARE, Texts.SHARE,
            column("Single-geography fab dependency", "Share of leading-edge chip supply that comes from one geography.",
                    "95%", "Percentage, 0% to 100%.",
                    "Fab dependency", "Single geography dependency", "Fab concentration", "Single-geography fab share",
                    "Fab geography concentration", "Single geography fab share")),
    HYPERSCALER_REVENUE_SHARE("hyperscalerRevenueShare", "a hyperscaler revenue share", Company::hyperscalerRevenueShare,
            Company.Builder::hyperscalerRevenueShare, FieldDomain.SHARE, Texts.SHARE,
            column("Hyperscaler revenue share",
                    "For chip suppliers: share of revenue from hyperscalers building in-house silicon.", "40%",
                    "Percentage, 0% to 100%.",
                    "Hyperscaler revenue", "Hyperscaler revenue %", "Hyperscaler share", "Hyperscaler share of revenue",
                    "Hyperscaler % of revenue", "Revenue from hyperscalers", "Hyperscaler customer share")),
    CAPEX_TO_REVENUE("capexToRevenue", "capex/revenue", Company::capexToRevenue, Company.Builder::capexToRevenue,
            FieldDomain.RATIO, "a fraction like 0.4 or a percentage like 40%, 0 or more",
            column("Capex/Revenue", "Capital expenditure / revenue.", "40%", "Percentage, 0% or more.",
                    "Capex to revenue", "Capex/Sales", "Capex to sales", "Capex intensity", "Capex ratio",
                    "Capex % of revenue", "Capex % revenue")),
    AGENTIC_PRODUCTION_CONTRACTS("agenticProductionContracts", "agentic production contracts",
            Company::agenticProductionContracts, Company.Builder::agenticProductionContracts, FieldDomain.COUNT,
            InputValues.COUNT,
            column("Agentic production contracts", "Count of enterprise production contracts for agentic AI systems.", "3",
                    "Whole number, 0 or more.",
                    "Agentic contracts", "Agentic AI contracts", "Agentic AI production contracts",
                    "Production agentic contracts", "Agentic production deals")),
    SOVEREIGN_AI_EXPOSURE("sovereignAiExposure", "sovereign AI exposure", Company::sovereignAiExposure,
            Company.Builder::sovereignAiExposure, FieldDomain.FLAG, InputValues.FLAG,
            column("Sovereign AI exposure", "Sells into sovereign AI programmes.", "yes", "Flag: yes or no.",
                    "Sovereign AI", "Sovereign exposure", "Sovereign AI programs", "Sovereign AI programmes",
                    "Sovereign AI programme exposure"));

    private static final Map<String, CompanyField> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CompanyField::fieldName, Function.identity()));
    /** Every input, shared (values() copies the array on each call; the what-if search copies companies often). */
    static final CompanyField[] ALL = values();
    private static final Map<String, Class<?>> TYPES = Arrays.stream(Company.class.getRecordComponents())
            .collect(Collectors.toUnmodifiableMap(RecordComponent::getName, RecordComponent::getType));

    private final String fieldName;
    private final String label;
    private final Function<Company, Object> accessor;
    private final BiConsumer<Company.Builder, Object> setter;
    private final FieldDomain domain;
    private final InputValue<?> reader;
    private final Column column;

    @SuppressWarnings("unchecked")
    <T> CompanyField(String fieldName, String label, Function<Company, T> accessor, BiFunction<Company.Builder, T, Company.Builder> setter,
                     FieldDomain domain, InputValue<T> reader, Column column) {
        this.fieldName = fieldName;
        this.label = label;
        this.accessor = (Function<Company, Object>) accessor;
        this.setter = (builder, value) -> setter.apply(builder, (T) value);
        this.domain = domain;
        this.reader = reader;
        this.column = column;
    }

    /** A fraction input (share, margin, change, ratio): typed as a fraction or a percentage within the domain's range. */
    CompanyField(String fieldName, String label, Function<Company, Double> accessor,
                 BiFunction<Company.Builder, Double, Company.Builder> setter, FieldDomain domain, String expected, Column column) {
        this(fieldName, label, accessor, setter, domain, InputValues.fraction(domain, expected), column);
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

    /** How typed text and spreadsheet numbers become this input's value. */
    public InputValue<?> reader() {
        return reader;
    }

    /** The spreadsheet column: header, other headers meaning the same input, what goes in it. */
    public Column column() {
        return column;
    }

    /** The type of the input on {@link Company}: String, Segment, Boolean, Double, ... */
    public Class<?> type() {
        return TYPES.get(fieldName);
    }

    /** Ticker and segment: a company without them cannot be screened. */
    public boolean required() {
        return this == TICKER || this == SEGMENT;
    }

    /** The values to choose from: yes/no for flags, the constants of an enum input; empty for free values. */
    public List<String> choices() {
        if (reader == InputValues.FLAG) return List.of("yes", "no");
        Object[] constants = type().getEnumConstants();
        return constants == null ? List.of() : Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** The company with this one input changed (the value must have the field's type) and every other input as it was. */
    public Company with(Company company, Object value) {
        Company.Builder builder = company.toBuilder();
        setter.accept(builder, value);
        return builder.build();
    }

    /** Sets this input on a builder (the value must have the field's type; null is "not known"). */
    public void set(Company.Builder builder, Object value) {
        setter.accept(builder, value);
    }

    public Object valueOf(Company company) {
        return accessor.apply(company);
    }

    /**
     * Reads typed text as this input: a missing marker ({@link InputValues#isMissing}) is null ("not known").
     *
     * @throws InputValue.NotReadable when the text is not a value the input accepts; {@code reader().expected()} says why
     */
    public Object read(String text) throws InputValue.NotReadable {
        return InputValues.isMissing(text) ? null : reader.convert(text.strip());
    }

    /**
     * Whether a value sent already typed (by a REST client) is one the importer would accept from a cell: the same
     * ranges and the same text limits for both ways in.
     */
    public boolean accepts(Object value) {
        try {
            if (value instanceof String text) reader.convert(text.strip());
            else if (value instanceof Number number) reader.convertNumber(number.doubleValue(), false);
            return true;
        } catch (InputValue.NotReadable e) {
            return false;
        }
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

    private static Column column(String header, String meaning, String example, String accepted, String... aliases) {
        return new Column(header, meaning, example, accepted, null, List.of(aliases));
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * The spreadsheet column of an input.
     *
     * @param header    the header the sample workbook and the import template write
     * @param meaning   what the column holds (from THESIS.md)
     * @param example   a value as an analyst would type it
     * @param accepted  unit and accepted values, in an analyst's words
     * @param whenEmpty what an empty cell means when it is not simply "not known"; null for "not known"
     * @param aliases   other headers meaning the same input (the field name always matches too)
     */
    public record Column(String header, String meaning, String example, String accepted, String whenEmpty, List<String> aliases) {

        Column whenEmpty(String text) {
            return new Column(header, meaning, example, accepted, text, aliases);
        }
    }

    /** Expected-value texts several inputs share (enum constants cannot refer to the enum's own constants). */
    private static final class Texts {
        static final InputValue<Double> SHARE = InputValues.fraction(FieldDomain.SHARE,
                "a fraction between 0 and 1 or a percentage like 45%");
    }
}
