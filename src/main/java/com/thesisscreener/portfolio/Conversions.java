package com.thesisscreener.portfolio;

import com.thesisscreener.portfolio.Conversion.NotReadable;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The cell conversions the column catalogue uses; all parsing of analyst-typed values lives here. */
final class Conversions {

    private Conversions() {
    }

    /** Cell texts that mean "not known" (compared lower-case); "none" is not one of them: it is a switching cost. */
    private static final Set<String> MISSING = Set.of("", "n/a", "na", "n.a.", "#n/a", "-", "--", "\u2014", "\u2013");

    static boolean isMissing(String text) {
        return text == null || MISSING.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    // ---- text ----------------------------------------------------------------------------------------------

    static final Conversion<String> TICKER = simple(
            "a ticker such as NVDA on every row (at most 32 characters, one line)",
            text -> text.length() <= 32 && text.chars().noneMatch(Character::isISOControl) ? text : null);

    static final Conversion<String> TEXT = simple("text", text -> text);

    // ---- enums ---------------------------------------------------------------------------------------------

    static final Conversion<Segment> SEGMENT = enumConversion(Segment.class,
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

    static final Conversion<SwitchingCost> SWITCHING_COST = enumConversion(SwitchingCost.class,
            "one of None, Low, Medium, High",
            Map.of("MED", SwitchingCost.MEDIUM, "MODERATE", SwitchingCost.MEDIUM));

    // ---- flags ---------------------------------------------------------------------------------------------

    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    static final Conversion<Boolean> FLAG = simple("yes or no", text -> {
        String lower = text.toLowerCase(Locale.ROOT);
        return YES.contains(lower) ? Boolean.TRUE : NO.contains(lower) ? Boolean.FALSE : null;
    });

    // ---- numbers -------------------------------------------------------------------------------------------

    /** A share of a whole: 0..1, or a percentage. 45 is refused rather than guessed to mean 45 %. */
    static Conversion<Double> share(double min, double max, String expected) {
        return simple(expected, text -> {
            BigDecimal value = fractionOrPercent(text);
            return value != null && between(value, min, max) ? value.doubleValue() : null;
        });
    }

    /** A change or growth: any fraction or percentage at or above {@code min} (-60% -> -0.6, 250% -> 2.5). */
    static Conversion<Double> change(double min, String expected) {
        return simple(expected, text -> {
            BigDecimal value = fractionOrPercent(text);
            return value != null && between(value, min, Double.MAX_VALUE) ? value.doubleValue() : null;
        });
    }

    /** A multiple such as EV/Sales; a trailing "x" is allowed (12.5x). */
    static final Conversion<Double> MULTIPLE = suffixed("a number of 0 or more like 12.5",
            Pattern.compile("(.*?)\\s*[x\u00d7]?", Pattern.CASE_INSENSITIVE), 1);

    /** A month count; a trailing unit is allowed (6 months). */
    static final Conversion<Double> MONTHS = suffixed("a number of months, 0 or more, like 6",
            Pattern.compile("(.*?)\\s*(months?|mos?|m)?", Pattern.CASE_INSENSITIVE), 1);

    private static final Pattern MONEY_PATTERN = Pattern.compile(
            "(?:US\\$|\\$|USD)?\\s*(.*?)\\s*(k|m|mm|mn|b|bn|t|tn|thousand|million|billion|trillion)?\\s*(?:USD)?",
            Pattern.CASE_INSENSITIVE);

    /** US dollars, 0 or more; "$2.5B", "2.5 bn", "2,500,000,000" all read as 2.5e9. */
    static final Conversion<Double> MONEY = simple("an amount in US dollars, 0 or more, like 2500000000 or 2.5B", text -> {
        Matcher m = MONEY_PATTERN.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Parsed parsed = parse(m.group(1));
        if (parsed == null || parsed.percent()) {
            return null;
        }
        BigDecimal value = parsed.value().movePointRight(powerOfTen(m.group(2)));
        return value.signum() >= 0 ? finite(value) : null;
    });

    /** A ratio with no upper bound, such as capex/revenue: a fraction or a percentage, 0 or more. */
    static final Conversion<Double> RATIO = simple("a fraction like 0.4 or a percentage like 40%, 0 or more", text -> {
        BigDecimal value = fractionOrPercent(text);
        return value != null && value.signum() >= 0 ? value.doubleValue() : null;
    });

    /** A whole count, 0 or more. */
    static final Conversion<Integer> COUNT = simple("a whole number, 0 or more, like 3", text -> {
        Parsed parsed = parse(text);
        if (parsed == null || parsed.percent() || parsed.value().signum() < 0) {
            return null;
        }
        BigDecimal value = parsed.value().stripTrailingZeros();
        if (value.scale() > 0 || value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return value.intValue();
    });

    // ---- parsing -------------------------------------------------------------------------------------------

    /** A number as typed: its value and whether it carried a percent sign. */
    record Parsed(BigDecimal value, boolean percent) {
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
        BigDecimal value = new BigDecimal(s);
        if (!Double.isFinite(value.doubleValue())) {
            return null;
        }
        return new Parsed(negative ? value.negate() : value, percent);
    }

    private static BigDecimal fractionOrPercent(String text) {
        Parsed parsed = parse(text);
        if (parsed == null) {
            return null;
        }
        return parsed.percent() ? parsed.value().movePointLeft(2) : parsed.value();
    }

    private static boolean between(BigDecimal value, double min, double max) {
        double d = value.doubleValue();
        return d >= min && d <= max;
    }

    private static Double finite(BigDecimal value) {
        double d = value.doubleValue();
        return Double.isFinite(d) ? d : null;
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

    /** A non-negative plain number, after the pattern's group strips a unit such as "x" or "months". */
    private static Conversion<Double> suffixed(String expected, Pattern pattern, int group) {
        return simple(expected, text -> {
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                return null;
            }
            Parsed parsed = parse(m.group(group));
            return parsed != null && !parsed.percent() && parsed.value().signum() >= 0 ? finite(parsed.value()) : null;
        });
    }

    /** Upper-case letters and digits only, "&" read as "and": "Power & cooling" and "power-and-cooling" agree. */
    static String compactName(String text) {
        String upper = text.toUpperCase(Locale.ROOT).replace("&", "AND");
        StringBuilder out = new StringBuilder(upper.length());
        upper.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static <E extends Enum<E>> Conversion<E> enumConversion(Class<E> type, String expected, Map<String, E> synonyms) {
        Map<String, E> byName = new HashMap<>(synonyms);
        for (E constant : type.getEnumConstants()) {
            byName.put(compactName(constant.name()), constant);
        }
        return simple(expected, text -> byName.get(compactName(text)));
    }

    /** A conversion from a function that answers null for "not readable". */
    private static <T> Conversion<T> simple(String expected, Function<String, T> read) {
        return new Conversion<>() {
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
