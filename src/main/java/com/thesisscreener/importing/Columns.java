package com.thesisscreener.importing;

import com.thesisscreener.importing.Conversion.NotReadable;
import com.thesisscreener.screening.Company;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The column catalogue: every Company field, the headers an analyst may give it, how its cells are read
 * and where the value goes. Header matching ignores case, spaces, underscores, hyphens and punctuation.
 */
final class Columns {

    private Columns() {
    }

    /**
     * One importable field.
     *
     * @param field    the Company component it fills
     * @param label    how to name it to an analyst
     * @param aliases  other headers meaning the same field (the field name itself always matches)
     * @param required whether every row must have it
     */
    record Spec<T>(String field, String label, List<String> aliases, boolean required,
                   Conversion<T> conversion, BiConsumer<Company.Builder, T> setter, PositionPart position) {

        /** A Company field. */
        Spec(String field, String label, List<String> aliases, boolean required, Conversion<T> conversion,
             BiConsumer<Company.Builder, T> setter) {
            this(field, label, aliases, required, conversion, setter, null);
        }

        /** One part of a row's position (see {@link Positions}), read beside the company and kept apart from it. */
        static Spec<Double> position(PositionPart part, String label, List<String> aliases, Conversion<Double> conversion) {
            return new Spec<>(part.fieldName(), label, aliases, false, conversion, (builder, value) -> { }, part);
        }

        /** The number a position cell holds (text). */
        double positionValue(String text) throws NotReadable {
            return ((Number) conversion.convert(text)).doubleValue();
        }

        /** The number a position cell holds (numeric cell). */
        double positionValue(double value, boolean percentFormatted) throws NotReadable {
            return ((Number) conversion.convertNumber(value, percentFormatted)).doubleValue();
        }

        /** Reads the cell's text onto the builder. */
        void apply(Company.Builder builder, String text) throws NotReadable {
            setter.accept(builder, conversion.convert(text));
        }

        /** Reads a numeric cell onto the builder (see {@link Conversion#convertNumber}). */
        void applyNumber(Company.Builder builder, double value, boolean percentFormatted) throws NotReadable {
            setter.accept(builder, conversion.convertNumber(value, percentFormatted));
        }

        String expected() {
            return conversion.expected();
        }
    }

    private static final String SHARE = "a fraction between 0 and 1 or a percentage like 45%";

    static final Spec<String> TICKER = new Spec<>("ticker", "Ticker",
            List.of("Symbol", "Ticker symbol", "Stock symbol", "Stock ticker", "Ticker code"),
            true, Conversions.TICKER, Company.Builder::ticker);

    static final Spec<?> SEGMENT = new Spec<>("segment", "Segment",
            List.of("Sector", "AI segment", "Industry segment", "Industry", "Tier segment"),
            true, Conversions.SEGMENT, Company.Builder::segment);

    static final List<Spec<?>> ALL = List.of(
            TICKER,
            new Spec<>("name", "Name", List.of("Company", "Company name", "Issuer", "Issuer name", "Security name", "Holding"),
                    false, Conversions.TEXT, Company.Builder::name),
            SEGMENT,
            new Spec<>("proprietaryData", "Proprietary data",
                    List.of("Has proprietary data", "Proprietary data assets", "Owns proprietary data", "Data moat"),
                    false, Conversions.FLAG, Company.Builder::proprietaryData),
            new Spec<>("distributionSwitchingCost", "Distribution switching cost",
                    List.of("Switching cost", "Switching costs", "Distribution switching costs", "Customer switching cost"),
                    false, Conversions.SWITCHING_COST, Company.Builder::distributionSwitchingCost),
            new Spec<>("ownsCompute", "Owns compute",
                    List.of("Own compute", "Controls compute", "Owns physical compute", "Physical compute"),
                    false, Conversions.FLAG, Company.Builder::ownsCompute),
            new Spec<>("apiRevenueShare", "API revenue share",
                    List.of("API revenue", "API revenue %", "API share", "API share of revenue", "API % of revenue",
                            "API revenue pct", "API revenue percent", "Revenue share API"),
                    false, Conversions.share(0, 1, SHARE), Company.Builder::apiRevenueShare),
            new Spec<>("tokenVolumeGrowth", "Token volume growth",
                    List.of("Token growth", "Tokens growth", "Token volume growth YoY", "Token growth YoY",
                            "Usage growth", "Tokens served growth"),
                    false, Conversions.change(-1, "a growth of -100% or more, as a fraction like 2.5 or a percentage like 250%"),
                    Company.Builder::tokenVolumeGrowth),
            new Spec<>("pricePerTokenChange", "Price per token change",
                    List.of("Token price change", "Price per token YoY", "Price/token change",
                            "Price per token chg", "Token price change YoY", "Price change per token"),
                    false, Conversions.change(-1, "a change of -100% or more, as a fraction like -0.6 or a percentage like -60%"),
                    Company.Builder::pricePerTokenChange),
            new Spec<>("openSourceGapMonths", "Open-source gap (months)",
                    List.of("Open source gap", "Open-source gap months", "OSS gap", "OSS gap months", "Open weight gap",
                            "Open weights gap", "Open weight gap months", "Capability gap months"),
                    false, Conversions.MONTHS, Company.Builder::openSourceGapMonths),
            // Negative gross margins exist (sample-data/README.md allows -1..1), so the range is not 0..1.
            new Spec<>("grossMargin", "Gross margin", List.of("GM", "Gross margin %", "Gross margin pct", "Gross margin percent"),
                    false, Conversions.share(-1, 1, "a fraction between -1 and 1 or a percentage like 45%"),
                    Company.Builder::grossMargin),
            new Spec<>("grossMarginChange", "Gross margin change",
                    List.of("Gross margin chg", "Gross margin YoY change", "Gross margin delta", "Change in gross margin",
                            "GM change", "GM chg", "Gross margin change YoY"),
                    false, Conversions.change(-Double.MAX_VALUE, "a number or a percentage like -6%"),
                    Company.Builder::grossMarginChange),
            new Spec<>("revenueGrowth", "Revenue growth",
                    List.of("Rev growth", "Revenue growth YoY", "YoY revenue growth", "Sales growth", "Revenue YoY",
                            "Top line growth", "Revenue growth %"),
                    false, Conversions.change(-1, "a growth of -100% or more, as a fraction like 0.25 or a percentage like 25%"),
                    Company.Builder::revenueGrowth),
            new Spec<>("evToSales", "EV/Sales",
                    List.of("EV to sales", "EV/Revenue", "EV to revenue", "EV/S", "Enterprise value to sales",
                            "EV/Sales multiple", "EV sales multiple"),
                    false, Conversions.MULTIPLE, Company.Builder::evToSales),
            new Spec<>("marketCapUsd", "Market cap (USD)",
                    List.of("Market cap", "Market capitalisation", "Market capitalization", "Market capitalisation (USD)",
                            "Market capitalization (USD)", "Mkt cap", "Mkt cap (USD)", "Market cap ($)", "MCap"),
                    false, Conversions.MONEY, Company.Builder::marketCapUsd),
            new Spec<>("euRevenueShare", "EU revenue share",
                    List.of("EU revenue", "EU revenue %", "EU share", "EU share of revenue", "EU % of revenue",
                            "Europe revenue share", "Revenue from EU", "EU revenue pct"),
                    false, Conversions.share(0, 1, SHARE), Company.Builder::euRevenueShare),
            new Spec<>("singleGeographyFabDependency", "Single-geography fab dependency",
                    List.of("Fab dependency", "Single geography dependency", "Fab concentration", "Single-geography fab share",
                            "Fab geography concentration", "Single geography fab share"),
                    false, Conversions.share(0, 1, SHARE), Company.Builder::singleGeographyFabDependency),
            new Spec<>("hyperscalerRevenueShare", "Hyperscaler revenue share",
                    List.of("Hyperscaler revenue", "Hyperscaler revenue %", "Hyperscaler share", "Hyperscaler share of revenue",
                            "Hyperscaler % of revenue", "Revenue from hyperscalers", "Hyperscaler customer share"),
                    false, Conversions.share(0, 1, SHARE), Company.Builder::hyperscalerRevenueShare),
            new Spec<>("capexToRevenue", "Capex/Revenue",
                    List.of("Capex to revenue", "Capex/Sales", "Capex to sales", "Capex intensity", "Capex ratio",
                            "Capex % of revenue", "Capex % revenue"),
                    false, Conversions.RATIO, Company.Builder::capexToRevenue),
            new Spec<>("agenticProductionContracts", "Agentic production contracts",
                    List.of("Agentic contracts", "Agentic AI contracts", "Agentic AI production contracts",
                            "Production agentic contracts", "Agentic production deals"),
                    false, Conversions.COUNT, Company.Builder::agenticProductionContracts),
            new Spec<>("sovereignAiExposure", "Sovereign AI exposure",
                    List.of("Sovereign AI", "Sovereign exposure", "Sovereign AI programs", "Sovereign AI programmes",
                            "Sovereign AI programme exposure"),
                    false, Conversions.FLAG, Company.Builder::sovereignAiExposure),
            Spec.position(PositionPart.WEIGHT, "Weight",
                    List.of("Portfolio weight", "Position weight", "Weight %", "Weighting", "Allocation", "% of portfolio",
                            "Percent of portfolio", "Portfolio %"),
                    Conversions.share(0, 1, "a weight between 0 and 100%, as a fraction like 0.05 or a percentage like 5%")),
            Spec.position(PositionPart.MARKET_VALUE, "Market value",
                    List.of("Market value (USD)", "Position value", "Position market value", "Holding value", "Value held",
                            "MV", "Market val"),
                    Conversions.MONEY),
            Spec.position(PositionPart.SHARES, "Shares",
                    List.of("Shares held", "Quantity", "Qty", "Units", "Number of shares", "Position size"),
                    Conversions.QUANTITY),
            Spec.position(PositionPart.PRICE, "Price",
                    List.of("Share price", "Price (USD)", "Last price", "Price per share", "Close price"),
                    Conversions.MONEY));

    private static final Map<String, Spec<?>> BY_HEADER = index();

    /** The field a header names, or null for a column the importer does not use. */
    static Spec<?> forHeader(String header) {
        return BY_HEADER.get(normalize(header));
    }

    /** Lower-case letters and digits only: "Gross margin %", "gross_margin" and "GROSS-MARGIN" all become "grossmargin". */
    static String normalize(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        lower.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static Map<String, Spec<?>> index() {
        Map<String, Spec<?>> index = new HashMap<>();
        for (Spec<?> spec : ALL) {
            register(index, spec.field(), spec);
            register(index, spec.label(), spec);
            spec.aliases().forEach(alias -> register(index, alias, spec));
        }
        return index;
    }

    private static void register(Map<String, Spec<?>> index, String header, Spec<?> spec) {
        Spec<?> previous = index.put(normalize(header), spec);
        // Two fields answering to one header would make imports depend on catalogue order: fail at startup.
        if (previous != null && previous != spec) {
            throw new IllegalStateException("header '" + header + "' names both " + previous.field() + " and " + spec.field());
        }
    }
}
