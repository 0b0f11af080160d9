package com.thesisscreener.screening;

import com.thesisscreener.screening.InputValue.NotReadable;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one parser of analyst-typed values: spreadsheet cells, CSV fields, rule scenarios and the text a REST
 * record accepts all read through these. Percentages are fractions ("45%" is 0.45), a decimal comma is read
 * ("0,45" is 0.45) but "1,234" is a thousands separator, a share is 0..1 ("45" is refused rather than guessed to
 * mean 45 %), multiples may end in "x", money may carry "$" and a scale ("2.5B").
 */
public final class InputValues {

    /** The longest ticker, for imports and REST alike (the store's column holds 64). */
    public static final int TICKER_MAX_CHARS = 64;
    /** The longest company name, for imports and REST alike (the store's column holds 255). */
    public static final int NAME_MAX_CHARS = 255;

    private InputValues() {
    }

    /** Texts besides an empty one that mean "not known" (compared ignoring case); "none" is a switching cost, not one of them. */
    public static final List<String> MISSING_MARKERS = List.of("n/a", "na", "n.a.", "#n/a", "-", "--", "\u2014", "\u2013");
    private static final Set<String> MISSING = Stream.concat(Stream.of(""), MISSING_MARKERS.stream()).collect(Collectors.toUnmodifiableSet());

    /** Whether typed text means "not known": empty, n/a, na, n.a., #N/A, -, --, or a dash. */
    public static boolean isMissing(String text) {
        if (text == null) {
            return true;
        }
        // Every marker is at most 4 characters and starts with one of a few characters: anything else is a value,
        // decided without allocating (hot path).
        int length = text.length();
        if (length > 0 && !Character.isWhitespace(text.charAt(0)) && !Character.isWhitespace(text.charAt(length - 1))) {
            char first = text.charAt(0);
            if (length > 4 || (first != 'n' && first != 'N' && first != '-' && first != '#' && first != '\u2014' && first != '\u2013')) {
                return false;
            }
        }
        return MISSING.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    // ---- text ----------------------------------------------------------------------------------------------

    public static final InputValue<String> TICKER = simple(
            "a ticker such as NVDA on every row (at most " + TICKER_MAX_CHARS + " characters, one line)",
            text -> text.length() <= TICKER_MAX_CHARS && !hasControlCharacter(text) ? text : null);

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A company name: any text up to {@link #NAME_MAX_CHARS} characters. */
    public static final InputValue<String> NAME = simple("a name of at most " + NAME_MAX_CHARS + " characters",
            text -> text.length() <= NAME_MAX_CHARS ? text : null);

    // ---- enums ---------------------------------------------------------------------------------------------

    public static final InputValue<Segment> SEGMENT = enumConversion(Segment.class,
            "one of Semiconductors, Power and cooling, Data center REIT, Hyperscaler, Model provider, "
                    + "Application software, Other on every row",
            Map.ofEntries(
                    Map.entry("SEMICONDUCTOR", Segment.SEMICONDUCTORS),
                    Map.entry("SEMIS", Segment.SEMICONDUCTORS),
                    Map.entry("POWERCOOLING", Segment.POWER_AND_COOLING),
                    Map.entry("DATACENTREREIT", Segment.DATA_CENTER_REIT),
                    Map.entry("DATACENTERREITS", Segment.DATA_CENTER_REIT),
                    Map.entry("DATACENTREREITS", Segment.DATA_CENTER_REIT),
                    Map.entry("HYPERSCALERS", Segment.HYPERSCALER),
                    Map.entry("MODELPROVIDERS", Segment.MODEL_PROVIDER),
                    Map.entry("APPLICATIONSOFTWARE", Segment.APPLICATION_SOFTWARE),
                    Map.entry("APPSOFTWARE", Segment.APPLICATION_SOFTWARE)));

    public static final InputValue<SwitchingCost> SWITCHING_COST = enumConversion(SwitchingCost.class,
            "one of None, Low, Medium, High",
            Map.of("MED", SwitchingCost.MEDIUM, "MODERATE", SwitchingCost.MEDIUM));

    // ---- flags ---------------------------------------------------------------------------------------------

    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    public static final InputValue<Boolean> FLAG = new InputValue<>() {
        @Override
        public Boolean convert(String text) throws NotReadable {
            switch (text) { // the spellings nearly every sheet uses, without lower-casing each cell
                case "yes", "Yes", "YES", "true", "TRUE", "1" -> {
                    return Boolean.TRUE;
                }
                case "no", "No", "NO", "false", "FALSE", "0" -> {
                    return Boolean.FALSE;
                }
                default -> {
                }
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return orRefuse(YES.contains(lower) ? Boolean.TRUE : NO.contains(lower) ? Boolean.FALSE : null);
        }

        @Override
        public Boolean convertNumber(double value, boolean percentFormatted) throws NotReadable {
            // Only a plain 1 or 0 is a flag; "100%" is not.
            return orRefuse(percentFormatted ? null : value == 1 ? Boolean.TRUE : value == 0 ? Boolean.FALSE : null);
        }

        @Override
        public String expected() {
            return "yes or no";
        }
    };

    // ---- numbers -------------------------------------------------------------------------------------------
    // Each number conversion reads text (typed values, CSV) and numeric cells. A numeric cell's value is the
    // number Excel shows; a percent-formatted cell already holds the fraction, exactly as "45%" typed reads 0.45.

    /**
     * A fraction within the input's valid range, typed as a fraction or a percentage: shares (0..1; 45 is refused
     * rather than guessed to mean 45 %), margins, changes and growth (-60% -> -0.6, 250% -> 2.5), ratios.
     */
    public static InputValue<Double> fraction(FieldDomain domain, String expected) {
        return fraction(domain.validMin(), domain.validMax(), expected);
    }

    /** A fraction or percentage from {@code min} to {@code max}. */
    public static InputValue<Double> fraction(double min, double max, String expected) {
        return number(expected, (value, percent) -> value >= min && value <= max ? value : null, true);
    }

    /** A multiple such as EV/Sales; a trailing "x" is allowed (12.5x). */
    public static final InputValue<Double> MULTIPLE = suffixed("a number of 0 or more like 12.5",
            Pattern.compile("(.*?)\\s*[x\u00d7]?", Pattern.CASE_INSENSITIVE));

    /** A month count; a trailing unit is allowed (6 months). */
    public static final InputValue<Double> MONTHS = suffixed("a number of months, 0 or more, like 6",
            Pattern.compile("(.*?)\\s*(months?|mos?|m)?", Pattern.CASE_INSENSITIVE));

    /**
     * A dollar sign or code and a scale word or letter around a number. Other currency signs (EUR, GBP, ...) are not
     * matched on purpose: the column is in US dollars, and converting currencies is not the importer's business.
     */
    private static final Pattern MONEY_PATTERN = Pattern.compile(
            "(?:US\\$|\\$|USD)?\\s*(.*?)\\s*(k|m|mm|mn|b|bn|t|tn|thousand|million|billion|trillion)?\\s*(?:USD)?",
            Pattern.CASE_INSENSITIVE);

    /** US dollars, 0 or more; "$2.5B", "2.5 bn", "350M", "2,500,000,000" all read as numbers of dollars. */
    public static final InputValue<Double> MONEY = new InputValue<>() {
        @Override
        public Double convert(String text) throws NotReadable {
            double plain = plainNumber(text);
            if (!Double.isNaN(plain)) {
                return orRefuse(plain >= 0 ? plain : null); // the common case, without a regular expression
            }
            Matcher m = MONEY_PATTERN.matcher(text);
            if (!m.matches()) {
                throw new NotReadable();
            }
            Parsed parsed = parse(m.group(1));
            if (parsed == null || parsed.percent() || parsed.value() < 0) {
                throw new NotReadable();
            }
            int power = powerOfTen(m.group(2));
            // Scale exactly in decimal: 1.2B is 1200000000, not 1199999999.9999998.
            return orRefuse(finite(power == 0 ? parsed.value() : parsed.exact().movePointRight(power).doubleValue()));
        }

        @Override
        public Double convertNumber(double value, boolean percentFormatted) throws NotReadable {
            return orRefuse(!percentFormatted && value >= 0 ? value : null);
        }

        @Override
        public String expected() {
            return "an amount in US dollars, 0 or more, like 2500000000 or 2.5B";
        }
    };

    /** A quantity such as a number of shares held: 0 or more, fractions allowed (funds hold fractional units). */
    public static final InputValue<Double> QUANTITY = number("a number of shares, 0 or more, like 1200",
            (value, percent) -> !percent && value >= 0 ? value : null, false);

    /** A whole count, 0 or more. */
    public static final InputValue<Integer> COUNT = number("a whole number, 0 or more, like 3",
            (value, percent) -> !percent && value >= 0 && value <= Integer.MAX_VALUE && value == Math.rint(value)
                    ? (int) value : null, false);

    // ---- parsing -------------------------------------------------------------------------------------------

    /**
     * A number as typed: its value (a percentage already divided by 100) and whether it carried a percent sign.
     *
     * @param digits the plain decimal it was read from, before any percent division, for exact rescaling
     */
    record Parsed(double value, boolean percent, String digits) {

        BigDecimal exact() {
            return percent ? new BigDecimal(digits).movePointLeft(2) : new BigDecimal(digits);
        }
    }

    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([,\u00a0\u202f ]\\d{3})+(\\.\\d+)?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d*,\\d+");
    private static final Pattern EUROPEAN = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d+");
    private static final Pattern PLAIN = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /**
     * Parses "45%", "-0.6", "(12%)", "+250 %", "1,234.5", "0,45", "2.5E9"; null when the text is not a number.
     * "1,234" is read as a thousands separator, never as a decimal comma.
     */
    static Parsed parse(String text) {
        double plain = plainNumber(text);
        if (!Double.isNaN(plain)) {
            return new Parsed(plain, false, text); // most cells: no regular expression, no BigDecimal
        }
        String s = text.strip().replace('\u2212', '-');
        boolean negative = false;
        if (s.length() > 2 && s.startsWith("(") && s.endsWith(")")) {
            negative = true; // accounting style
            s = s.substring(1, s.length() - 1).strip();
        }
        boolean percent = s.endsWith("%");
        if (percent) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.startsWith("+")) {
            s = s.substring(1).strip();
        } else if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        }
        if (GROUPED.matcher(s).matches()) {
            s = s.replaceAll("[,\u00a0\u202f ]", "");
        } else if (DECIMAL_COMMA.matcher(s).matches()) {
            s = s.replace(',', '.');
        } else if (EUROPEAN.matcher(s).matches()) {
            s = s.replace(".", "").replace(',', '.');
        }
        if (!PLAIN.matcher(s).matches()) {
            return null;
        }
        String digits = negative ? "-" + s : s;
        BigDecimal value = new BigDecimal(digits);
        double d = (percent ? value.movePointLeft(2) : value).doubleValue();
        if (!Double.isFinite(d)) {
            return null;
        }
        return new Parsed(d, percent, digits);
    }

    /**
     * The value of text that is only an optional minus and decimal digits with at most one point ("0.45", "-12",
     * "2100000000"), else NaN. Such text is exactly what {@code BigDecimal} would read, and
     * {@link Double#parseDouble} rounds it the same way.
     */
    static double plainNumber(String text) {
        int length = text.length();
        if (length == 0 || length > 40) {
            return Double.NaN;
        }
        int i = text.charAt(0) == '-' ? 1 : 0;
        boolean digit = false;
        boolean point = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        return digit ? Double.parseDouble(text) : Double.NaN;
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static <T> T orRefuse(T value) throws NotReadable {
        if (value == null) {
            throw new NotReadable();
        }
        return value;
    }

    private static int powerOfTen(String suffix) {
        if (suffix == null) {
            return 0;
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "k", "thousand" -> 3;
            case "m", "mm", "mn", "million" -> 6;
            case "b", "bn", "billion" -> 9;
            default -> 12; // t, tn, trillion
        };
    }

    /** Decides on a number: its value (a percentage already a fraction) and whether it was a percentage; null refuses. */
    private interface NumberRule<T> {
        T accept(double value, boolean percent);
    }

    /**
     * A number conversion. With {@code percentIsFraction}, a percent-formatted cell and typed "45%" both mean 0.45;
     * without it (counts), a percentage is refused.
     */
    private static <T> InputValue<T> number(String expected, NumberRule<T> rule, boolean percentIsFraction) {
        return new InputValue<>() {
            @Override
            public T convert(String text) throws NotReadable {
                Parsed parsed = parse(text);
                if (parsed == null || (parsed.percent() && !percentIsFraction)) {
                    throw new NotReadable();
                }
                return orRefuse(rule.accept(parsed.value(), parsed.percent()));
            }

            @Override
            public T convertNumber(double value, boolean percentFormatted) throws NotReadable {
                if (percentFormatted && !percentIsFraction) {
                    throw new NotReadable();
                }
                return orRefuse(rule.accept(value, percentFormatted));
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }

    /** A non-negative plain number, after the pattern's first group strips a unit such as "x" or "months". */
    private static InputValue<Double> suffixed(String expected, Pattern pattern) {
        return new InputValue<>() {
            @Override
            public Double convert(String text) throws NotReadable {
                double plain = plainNumber(text);
                if (!Double.isNaN(plain)) {
                    return orRefuse(plain >= 0 ? plain : null);
                }
                Matcher m = pattern.matcher(text);
                if (!m.matches()) {
                    throw new NotReadable();
                }
                Parsed parsed = parse(m.group(1));
                return orRefuse(parsed != null && !parsed.percent() && parsed.value() >= 0 ? finite(parsed.value()) : null);
            }

            @Override
            public Double convertNumber(double value, boolean percentFormatted) throws NotReadable {
                return orRefuse(!percentFormatted && value >= 0 ? value : null);
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }

    /** Upper-case letters and digits only, "&" read as "and": "Power & cooling" and "power-and-cooling" agree. */
    static String compactName(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replace("&", "AND");
        StringBuilder out = new StringBuilder(upper.length());
        for (int i = 0; i < upper.length(); ) {
            int c = upper.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    private static <E extends Enum<E>> InputValue<E> enumConversion(Class<E> type, String expected, Map<String, E> synonyms) {
        Map<String, E> byName = new HashMap<>(synonyms);
        Map<String, E> exact = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            byName.put(compactName(constant.name()), constant);
            exact.put(constant.name(), constant); // SEMICONDUCTORS, POWER_AND_COOLING: found without compacting
        }
        return simple(expected, text -> {
            E constant = exact.get(text);
            return constant != null ? constant : byName.get(compactName(text));
        });
    }

    /** A conversion from a function that answers null for "not readable". */
    private static <T> InputValue<T> simple(String expected, Function<String, T> read) {
        return new InputValue<>() {
            @Override
            public T convert(String text) throws NotReadable {
                T value = read.apply(text);
                if (value == null) {
                    throw new NotReadable();
                }
                return value;
            }

            @Override
            public String expected() {
                return expected;
            }
        };
    }
}
