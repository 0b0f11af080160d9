package com.thesisscreener.screening;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What-if answers in the analyst's terms: "token volume growth of 2.40x (now 1.60x) would lift VRSP from
 * AVOID to REDUCE", "an EV/sales of 15.0 (now 12.0) would drop CRVN from BUY to HOLD".
 */
public final class WhatIfSentences {

    private WhatIfSentences() {
    }

    /** One sentence for one answer about {@code company}, whose band today is {@code today}. */
    public static String sentence(Company company, Band today, WhatIf change) {
        CompanyField field = CompanyField.byName(change.field())
                .orElseThrow(() -> new IllegalArgumentException("not a company field: " + change.field()));
        FieldDomain domain = field.domain();
        String verb = WhatIf.UP.equals(change.direction()) ? "lift" : "drop";
        String what = switch (domain.unit()) {
            case YES_NO, CHOICE -> field.label() + " " + value(domain, change.value()) + " (now " + value(domain, field.valueOf(company)) + ")";
            default -> field.label() + " of " + value(domain, change.value()) + " (now " + value(domain, field.valueOf(company)) + ")";
        };
        return what + " would " + verb + " " + company.ticker() + " from " + today + " to " + change.band();
    }

    /** A value as the field's unit reads: 45%, +250%, 2.40x, 15.0, 6 months, $9.999B, 3, yes. */
    public static String value(FieldDomain domain, Object value) {
        if (value == null) return "missing";
        if (value instanceof Boolean yes) return yes ? "yes" : "no";
        if (!(value instanceof Number number)) return String.valueOf(value);
        double x = number.doubleValue();
        return switch (domain.unit()) {
            case PERCENT -> decimals(x * 100, 0, 1) + "%";
            case SIGNED_PERCENT -> (x >= 0 ? "+" : "") + decimals(x * 100, 0, 1) + "%";
            case TIMES -> decimals(x, 2, 3) + "x";
            case MULTIPLE -> decimals(x, 1, 2);
            case MONTHS -> decimals(x, 0, 2) + " months";
            case DOLLARS -> Math.abs(x) >= 1e9 ? "$" + decimals(x / 1e9, 0, 3) + "B" : "$" + decimals(x / 1e6, 0, 0) + "M";
            case COUNT -> String.valueOf(Math.round(x));
            default -> decimals(x, 0, 3);
        };
    }

    /** At least {@code min} and at most {@code max} decimals, trailing zeros beyond {@code min} dropped. */
    private static String decimals(double x, int min, int max) {
        BigDecimal rounded = BigDecimal.valueOf(x).setScale(max, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < min) rounded = rounded.setScale(min);
        return rounded.toPlainString().toLowerCase(Locale.ROOT);
    }
}
