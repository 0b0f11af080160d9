package com.thesisscreener.importing;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.InputValue;
import com.thesisscreener.screening.InputValue.NotReadable;
import com.thesisscreener.screening.InputValues;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The importer's columns: one per company input, derived from the input catalogue ({@link CompanyField}: header,
 * aliases, reader), and the position columns read beside the company. Header matching ignores case, spaces,
 * underscores, hyphens and punctuation.
 */
final class Columns {

    private Columns() {
    }

    /**
     * One importable column.
     *
     * @param field    the Company component it fills, or the position part it gives
     * @param label    how to name it to an analyst
     * @param aliases  other headers meaning the same field (the field name itself always matches)
     * @param required whether every row must have it
     * @param input    the company input it fills; null for a position column
     */
    record Spec<T>(String field, String label, List<String> aliases, boolean required,
                   InputValue<T> conversion, CompanyField input, PositionPart position) {

        /** The column of a company input. */
        static Spec<?> of(CompanyField input) {
            return new Spec<>(input.fieldName(), input.column().header(), input.column().aliases(), input.required(),
                    input.reader(), input, null);
        }

        /** One part of a row's position (see {@link Positions}), read beside the company and kept apart from it. */
        static Spec<Double> position(PositionPart part, String label, List<String> aliases, InputValue<Double> conversion) {
            return new Spec<>(part.fieldName(), label, aliases, false, conversion, null, part);
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
            input.set(builder, conversion.convert(text));
        }

        /** Reads a numeric cell onto the builder (see {@link InputValue#convertNumber}). */
        void applyNumber(Company.Builder builder, double value, boolean percentFormatted) throws NotReadable {
            input.set(builder, conversion.convertNumber(value, percentFormatted));
        }

        String expected() {
            return conversion.expected();
        }
    }

    static final Spec<?> TICKER = Spec.of(CompanyField.TICKER);

    static final List<Spec<?>> ALL = Stream.concat(
            Arrays.stream(CompanyField.values()).map(input -> input == CompanyField.TICKER ? TICKER : Spec.of(input)),
            Stream.of(
                    Spec.position(PositionPart.WEIGHT, "Weight",
                            List.of("Portfolio weight", "Position weight", "Weight %", "Weighting", "Allocation",
                                    "% of portfolio", "Percent of portfolio", "Portfolio %"),
                            InputValues.fraction(0, 1, "a weight between 0 and 100%, as a fraction like 0.05 or a percentage like 5%")),
                    Spec.position(PositionPart.MARKET_VALUE, "Market value",
                            List.of("Market value (USD)", "Position value", "Position market value", "Holding value",
                                    "Value held", "MV", "Market val"),
                            InputValues.MONEY),
                    Spec.position(PositionPart.SHARES, "Shares",
                            List.of("Shares held", "Quantity", "Qty", "Units", "Number of shares", "Position size"),
                            InputValues.QUANTITY),
                    Spec.position(PositionPart.PRICE, "Price",
                            List.of("Share price", "Price (USD)", "Last price", "Price per share", "Close price"),
                            InputValues.MONEY)))
            .toList();

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
