package com.thesisscreener.screening;

/**
 * Number formatting for finding sentences, callable from rule files.
 * Hand-rolled rather than {@code String.format} because sentences are built in every rule firing.
 * Numbers show at most one decimal, rounded half up, with a trailing ".0" dropped.
 */
public final class Phrases {

    private Phrases() {
    }

    /** 0.455 -> "45.5%", 0.3 -> "30%". */
    public static String pct(double fraction) {
        return oneDecimal(fraction * 100) + "%";
    }

    /** Like {@link #pct} with a sign: 2.5 -> "+250%", -0.6 -> "-60%". */
    public static String signedPct(double fraction) {
        return (fraction >= 0 ? "+" : "") + pct(fraction);
    }

    /** A finding's points as every output shows them: 10 -> "+10", -5 -> "-5", 0 -> "0". */
    public static String points(int points) {
        return points > 0 ? "+" + points : Integer.toString(points);
    }

    /** 2.14 -> "2.1x", 3 -> "3.0x". */
    public static String times(double multiple) {
        String text = oneDecimal(multiple);
        return (text.indexOf('.') < 0 ? text + ".0" : text) + "x";
    }

    /** 8.5e9 -> "$8.5B", 350e6 -> "$350M". */
    public static String usd(double dollars) {
        double abs = Math.abs(dollars);
        if (abs >= 1e12) return "$" + oneDecimal(dollars / 1e12) + "T";
        if (abs >= 1e9) return "$" + oneDecimal(dollars / 1e9) + "B";
        if (abs >= 1e6) return "$" + oneDecimal(dollars / 1e6) + "M";
        return "$" + Math.round(dollars);
    }

    /** A plain number with at most one decimal, a trailing ".0" dropped: 6.0 -> "6", 4.25 -> "4.3". */
    public static String number(double value) {
        return oneDecimal(value);
    }

    private static String oneDecimal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) return String.valueOf(value);
        long tenths = Math.round(Math.abs(value) * 10);
        String sign = tenths != 0 && value < 0 ? "-" : "";
        long whole = tenths / 10;
        long fraction = tenths % 10;
        return fraction == 0 ? sign + whole : sign + whole + "." + fraction;
    }
}
