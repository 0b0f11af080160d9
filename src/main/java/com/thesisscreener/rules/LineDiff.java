package com.thesisscreener.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by longest common subsequence: every line of either side once, in order, marked as
 * kept, removed (only in the old text) or added (only in the new one), with its line numbers. Texts too large for
 * the table are shown as all lines removed and added, which is still correct, only less helpful.
 */
public final class LineDiff {

    /** Above this many table cells (old lines x new lines) the diff does not look for common lines. */
    static final long MAX_CELLS = 4_000_000L;

    public enum Kind { SAME, REMOVED, ADDED }

    /** One line of the diff; a line number is null on the side the line is not in (1-based otherwise). */
    public record Line(Kind kind, Integer oldLine, Integer newLine, String text) {
    }

    private LineDiff() {
    }

    public static List<Line> between(String oldText, String newText) {
        return between(lines(oldText), lines(newText));
    }

    static List<Line> between(List<String> before, List<String> after) {
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) suffix++;
        List<Line> diff = new ArrayList<>();
        for (int i = 0; i < prefix; i++) diff.add(new Line(Kind.SAME, i + 1, i + 1, before.get(i)));
        middle(before.subList(prefix, before.size() - suffix), after.subList(prefix, after.size() - suffix), prefix, diff);
        for (int k = suffix; k > 0; k--) {
            int i = before.size() - k;
            int j = after.size() - k;
            diff.add(new Line(Kind.SAME, i + 1, j + 1, before.get(i)));
        }
        return diff;
    }

    /** The part between the common start and end: the table of common-subsequence lengths, walked from the top. */
    private static void middle(List<String> a, List<String> b, int offset, List<Line> diff) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) diff.add(new Line(Kind.REMOVED, offset + i + 1, null, a.get(i)));
            for (int j = 0; j < m; j++) diff.add(new Line(Kind.ADDED, null, offset + j + 1, b.get(j)));
            return;
        }
        // common[i][j]: length of the longest common subsequence of a[i..] and b[j..]
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                diff.add(new Line(Kind.SAME, offset + i + 1, offset + j + 1, a.get(i)));
                i++;
                j++;
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                diff.add(new Line(Kind.REMOVED, offset + i + 1, null, a.get(i)));
                i++;
            } else {
                diff.add(new Line(Kind.ADDED, null, offset + j + 1, b.get(j)));
                j++;
            }
        }
    }

    /**
     * The diff for reading: changed lines with {@code around} unchanged lines either side; each longer unchanged
     * stretch becomes one SAME line without numbers that says how many lines it stands for.
     */
    public static List<Line> near(List<Line> diff, int around) {
        boolean[] keep = new boolean[diff.size()];
        for (int i = 0; i < diff.size(); i++) {
            if (diff.get(i).kind() == Kind.SAME) continue;
            for (int k = Math.max(0, i - around); k <= Math.min(diff.size() - 1, i + around); k++) keep[k] = true;
        }
        List<Line> shown = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < diff.size(); i++) {
            if (keep[i]) {
                if (skipped > 0) shown.add(folded(skipped));
                skipped = 0;
                shown.add(diff.get(i));
            } else {
                skipped++;
            }
        }
        if (skipped > 0 && !shown.isEmpty()) shown.add(folded(skipped));
        return shown;
    }

    private static Line folded(int lines) {
        return new Line(Kind.SAME, null, null, lines == 1 ? "1 unchanged line" : lines + " unchanged lines");
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1); // the newline that ends the last line
        return lines;
    }
}
