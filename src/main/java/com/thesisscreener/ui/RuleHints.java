package com.thesisscreener.ui;

import com.thesisscreener.rules.NearestName;
import com.thesisscreener.screening.CompanyField;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-language hint beside the rule compiler's message, for the analysts who edit rules: what the message
 * usually means and what to type instead. Returns null when there is nothing better to say than the message.
 */
final class RuleHints {

    private static final List<String> KEYWORDS = List.of("rule", "when", "then", "end", "package", "import", "function", "global", "salience");
    private static final Pattern UNKNOWN_NAME = Pattern.compile("(?:unable to (?:resolve|find)|cannot find|unknown)[^']*'?\\b([A-Za-z_$][A-Za-z0-9_]*)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("['\"]([A-Za-z_$][A-Za-z0-9_]*)['\"]");
    private static final Pattern EXPECTING = Pattern.compile("expecting\\s+['\"]?([A-Za-z]+)", Pattern.CASE_INSENSITIVE);

    private RuleHints() {
    }

    static String hint(String message) {
        if (message == null) return null;
        String lower = message.toLowerCase(Locale.ROOT);
        for (String word : words(message)) {
            String field = closest(word, fieldNames());
            if (field != null && !field.equals(word) && (lower.contains("unable") || lower.contains("cannot") || lower.contains("unknown")
                    || lower.contains("not found") || lower.contains("no such") || lower.contains("resolve"))) {
                return "There is no company field named '" + word + "'. Did you mean '" + field + "'?";
            }
            String keyword = closest(word, KEYWORDS);
            if (keyword != null && !keyword.equals(word) && word.length() >= 3) {
                return "Did you mean '" + keyword + "'? A rule reads: rule \"NAME\" when (conditions) then (actions) end.";
            }
        }
        Matcher expecting = EXPECTING.matcher(message);
        if (expecting.find() && KEYWORDS.contains(expecting.group(1).toLowerCase(Locale.ROOT))) {
            return "The parser expected '" + expecting.group(1).toLowerCase(Locale.ROOT) + "' here; check the line above for a missing "
                    + "keyword, bracket or quote.";
        }
        if (lower.contains("mismatched input") || lower.contains("no viable alternative") || lower.contains("extraneous input")) {
            return "The text stops making sense to the parser here: look for a missing bracket, comma or quote on this line or the one above.";
        }
        if (lower.contains("unable to resolve") || lower.contains("cannot find symbol")) {
            return "A name on this line is not known: check its spelling against the company fields listed in rules/README.md.";
        }
        return null;
    }

    private static List<String> words(String message) {
        Matcher quoted = QUOTED.matcher(message);
        java.util.ArrayList<String> found = new java.util.ArrayList<>();
        while (quoted.find()) found.add(quoted.group(1));
        Matcher unknown = UNKNOWN_NAME.matcher(message);
        while (unknown.find()) found.add(unknown.group(1));
        return found;
    }

    private static List<String> fieldNames() {
        return Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).toList();
    }

    /** The candidate within two edits (or differing only in case), or null. */
    static String closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = NearestName.edits(word, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= Math.min(2, Math.max(1, word.length() / 4)) ? best : null;
    }
}
