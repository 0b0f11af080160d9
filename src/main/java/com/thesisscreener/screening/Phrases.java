package com.thesisscreener.screening;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting for finding sentences, callable from rule files.
 * Hand-rolled rather than {@code String.format} because sentences are built in every rule firing.
 */
public final class Phrases {

    private Phrases() {
    }

    /** 0.455 -> "45.5%", 0.3 -> "30%". */
    public static String pct(double fraction) {
        return decimal(fraction * 100, 1) + "%";
    }

    /** Like {@link #pct} with a sign: 2.5 -> "+250%", -0.6 -> "-60%". */
    public static String signedPct(double fraction) {
        return (fraction >= 0 ? "+" : "") + pct(fraction);
    }

    /** 2.14 -> "2.1x", 3 -> "3.0x". */
    public static String times(double multiple) {
        String text = decimal(multiple, 1);
        return (text.indexOf('.') < 0 ? text + ".0" : text) + "x";
    }

    /** 8.5e9 -> "$8.5B", 350e6 -> "$350M". */
    public static String usd(double dollars) {
        double abs = Math.abs(dollars);
        if (abs >= 1e12) return "$" + decimal(dollars / 1e12, 1) + "T";
        if (abs >= 1e9) return "$" + decimal(dollars / 1e9, 1) + "B";
        if (abs >= 1e6) return "$" + decimal(dollars / 1e6, 1) + "M";
        return "$" + decimal(dollars, 0);
    }

    /** A plain number with at most {@code places} decimals, trailing zeros dropped: 6.0 -> "6", 4.25 -> "4.3". */
    public static String number(double value) {
        return decimal(value, 1);
    }

    private static String decimal(double value, int places) {
        if (Double.isNaN(value) || Double.isInfinite(value)) return String.valueOf(value);
        double scale = places == 0 ? 1 : Math.pow(10, places);
        double rounded = Math.round(value * scale) / scale;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return BigDecimal.valueOf(rounded).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
