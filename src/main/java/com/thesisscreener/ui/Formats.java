package com.thesisscreener.ui;

import com.thesisscreener.screening.Phrases;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Formatting helpers for the templates, as {@code ${@fmt.time(...)}}. */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String pct(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    public String points(int points) {
        return Phrases.points(points);
    }

    public String ratio(Double value) {
        return value == null ? "not computed" : String.format(Locale.ROOT, "%.2fx", value);
    }

    public String signedPct(Double value) {
        return value == null ? "not computed" : String.format(Locale.ROOT, "%+.0f%%", value * 100);
    }

    /** A multiple as the rules state it: 3x, 1.5x. */
    public String times(Double value) {
        return value == null ? "" : ChartData.times(value);
    }

    /** A plain-language hint for a rule compiler message, or null. */
    public String ruleHint(String message) {
        return RuleHints.hint(message);
    }

    public String label(String name) {
        return name == null ? "" : name.replace('_', ' ');
    }
}
