package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the results for the same companies differ between two screenings (two runs, or the active rules
 * and a candidate): band, score, findings that appeared or vanished, and findings whose points changed.
 *
 * @param unchanged companies with the same score, band and findings in both
 */
public record ResultChanges(List<Change> changes, int unchanged) {

    /** One company's change from {@code before} to {@code after}; a side is null when the company is absent there. */
    public record Change(String ticker, String name, Integer scoreBefore, Integer scoreAfter, Band bandBefore, Band bandAfter,
                         List<Finding> findingsAdded, List<Finding> findingsRemoved, List<PointsChange> pointsChanged) {
    }

    /** A rule that fired in both screenings with different points (summed when it fired more than once). */
    public record PointsChange(String ruleId, int pointsBefore, int pointsAfter) {
    }

    /** Compares by ticker; the largest score moves come first. */
    public static ResultChanges between(List<Recommendation> before, List<Recommendation> after) {
        Map<String, Recommendation> then = byTicker(before);
        Map<String, Recommendation> now = byTicker(after);
        List<String> tickers = new ArrayList<>(now.keySet());
        then.keySet().stream().filter(t -> !now.containsKey(t)).forEach(tickers::add);
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (String ticker : tickers) {
            Recommendation b = then.get(ticker);
            Recommendation a = now.get(ticker);
            List<Finding> added = notIn(b, a);
            List<Finding> removed = notIn(a, b);
            List<PointsChange> moved = pointsChanged(b, a);
            if (a != null && b != null && a.score() == b.score() && a.band() == b.band() && added.isEmpty() && removed.isEmpty()
                    && moved.isEmpty()) {
                unchanged++;
                continue;
            }
            Recommendation named = a != null ? a : b;
            changes.add(new Change(ticker, named.name(), b == null ? null : b.score(), a == null ? null : a.score(),
                    b == null ? null : b.band(), a == null ? null : a.band(), added, removed, moved));
        }
        changes.sort(Comparator.comparingInt((Change c) -> -Math.abs(Objects.requireNonNullElse(c.scoreAfter(), 0)
                - Objects.requireNonNullElse(c.scoreBefore(), 0))).thenComparing(Change::ticker));
        return new ResultChanges(changes, unchanged);
    }

    /** Findings of {@code in} whose rule id does not fire in {@code base}. */
    private static List<Finding> notIn(Recommendation base, Recommendation in) {
        if (in == null) return List.of();
        Set<String> baseIds = base == null ? Set.of() : base.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        return in.findings().stream().filter(f -> !baseIds.contains(f.ruleId())).toList();
    }

    /** Rules that fired in both with different points, in the order they fired after. */
    private static List<PointsChange> pointsChanged(Recommendation before, Recommendation after) {
        if (before == null || after == null) return List.of();
        Map<String, Integer> then = pointsByRule(before);
        List<PointsChange> changed = new ArrayList<>();
        pointsByRule(after).forEach((ruleId, points) -> {
            Integer earlier = then.get(ruleId);
            if (earlier != null && earlier.intValue() != points) changed.add(new PointsChange(ruleId, earlier, points));
        });
        return changed;
    }

    private static Map<String, Integer> pointsByRule(Recommendation r) {
        Map<String, Integer> points = new LinkedHashMap<>();
        r.findings().forEach(f -> points.merge(f.ruleId(), f.points(), Integer::sum));
        return points;
    }

    private static Map<String, Recommendation> byTicker(List<Recommendation> results) {
        return results.stream().collect(Collectors.toMap(Recommendation::ticker, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }
}
