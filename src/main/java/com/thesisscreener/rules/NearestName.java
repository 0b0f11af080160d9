package com.thesisscreener.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** The name an analyst most likely meant by a mistyped one (a field, a keyword), ignoring case. */
public final class NearestName {

    private NearestName() {
    }

    /** The candidate needing the fewest single-letter edits to become {@code typed}; empty only without candidates. */
    public static Optional<String> to(String typed, Collection<String> candidates) {
        return candidates.stream().min(Comparator.comparingInt(candidate -> edits(typed, candidate)));
    }

    /** Insertions, deletions and substitutions needed to turn one word into the other, ignoring case (Levenshtein). */
    public static int edits(String a, String b) {
        String from = a.toLowerCase(Locale.ROOT);
        String to = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) previous[j] = j;
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }
}
