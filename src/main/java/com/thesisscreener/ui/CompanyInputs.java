package com.thesisscreener.ui;

import com.thesisscreener.importing.FieldCatalogue;
import com.thesisscreener.screening.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The company page's reading aids: stored inputs as an analyst writes them (45 %, $8.5B, yes/no, catalogue labels)
 * and the score as a sum (50 − 25 − 10 = 15), with the starting score read from the active rules.
 */
final class CompanyInputs {

    private static final Set<String> SHARES = Set.of("apiRevenueShare", "grossMargin", "euRevenueShare", "singleGeographyFabDependency",
            "hyperscalerRevenueShare", "capexToRevenue");
    private static final Set<String> CHANGES = Set.of("tokenVolumeGrowth", "pricePerTokenChange", "revenueGrowth", "grossMarginChange");

    private CompanyInputs() {
    }

    record Input(String field, String label, String value, boolean known) {
    }

    static List<Input> display(Map<String, Object> stored) {
        List<Input> out = new ArrayList<>();
        stored.forEach((field, value) -> out.add(new Input(field, FieldCatalogue.label(field).orElse(field), format(field, value), value != null)));
        return out;
    }

    static String format(String field, Object value) {
        if (value == null) return "not known";
        if (value instanceof Boolean b) return b ? "yes" : "no";
        if (value instanceof Number n && !(value instanceof Integer) && !(value instanceof Long)) {
            double d = n.doubleValue();
            if (SHARES.contains(field)) return percent(d, false);
            if (CHANGES.contains(field)) return percent(d, true);
            if (field.equals("marketCapUsd")) return dollars(d);
            if (field.equals("evToSales")) return String.format(Locale.ROOT, "%.1fx", d);
            if (field.equals("openSourceGapMonths")) return trim(d) + (d == 1 ? " month" : " months");
            return trim(d);
        }
        String text = String.valueOf(value);
        if (text.matches("[A-Z][A-Z_]+")) return text.replace('_', ' ');
        return text;
    }

    /** "50 + 15 − 25 − 10 = 30", with a note when the sum was clamped into 0..100. */
    static String buildUp(Integer start, List<Finding> findings, int score) {
        if (start == null) return null;
        StringBuilder line = new StringBuilder().append(start);
        int sum = start;
        for (Finding f : findings) {
            if (f.points() == 0) continue;
            line.append(f.points() > 0 ? " + " : " − ").append(Math.abs(f.points()));
            sum += f.points();
        }
        line.append(" = ").append(sum);
        if (sum != score) line.append(", clamped to ").append(score);
        return line.toString();
    }

    /**
     * The starting score the rules gave this run's companies: any unclamped score minus its findings' points
     * (the rules set it in the banding table, the same for every company).
     */
    static Integer startingScore(int score, List<Finding> findings) {
        if (score <= 0 || score >= 100) return null;
        return score - findings.stream().mapToInt(Finding::points).sum();
    }

    private static String percent(double fraction, boolean signed) {
        double pct = fraction * 100;
        String number = Math.abs(pct - Math.rint(pct)) < 0.05 ? String.format(Locale.ROOT, "%.0f", pct) : String.format(Locale.ROOT, "%.1f", pct);
        return (signed && pct > 0 ? "+" : "") + number + " %";
    }

    private static String dollars(double usd) {
        if (Math.abs(usd) >= 1e12) return String.format(Locale.ROOT, "$%.2fT", usd / 1e12);
        if (Math.abs(usd) >= 1e9) return String.format(Locale.ROOT, "$%.1fB", usd / 1e9);
        if (Math.abs(usd) >= 1e6) return String.format(Locale.ROOT, "$%.1fM", usd / 1e6);
        return String.format(Locale.ROOT, "$%,.0f", usd);
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }
}
