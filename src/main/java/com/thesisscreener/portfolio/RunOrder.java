package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Recommendation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each result of a run stands in every sort order, 1 first: its rank, and its position by score, confidence,
 * ticker, name and segment (natural direction, ties by rank). Stored with the results so that page N of any order is
 * a range of positions, read from one index whatever the depth. Strings compare by UTF-16 code unit, as H2 does and
 * as PostgreSQL's C collation does inside the Basic Multilingual Plane.
 */
final class RunOrder {

    private final int[] ranks;
    private final Map<ResultSort, int[]> positions = new EnumMap<>(ResultSort.class);

    private RunOrder(List<Recommendation> results) {
        ranks = positions(results.size(), (x, y) -> Recommendation.RANKING.compare(results.get(x), results.get(y)));
        Comparator<Integer> byRank = Comparator.comparingInt(i -> ranks[i]);
        positions.put(ResultSort.SCORE, positions(results.size(),
                Comparator.<Integer>comparingInt(i -> -results.get(i).score()).thenComparing(byRank)));
        positions.put(ResultSort.CONFIDENCE, positions(results.size(),
                Comparator.<Integer>comparingDouble(i -> -results.get(i).confidence()).thenComparing(byRank)));
        positions.put(ResultSort.TICKER, positions(results.size(),
                Comparator.<Integer, String>comparing(i -> results.get(i).ticker()).thenComparing(byRank)));
        positions.put(ResultSort.NAME, positions(results.size(),
                Comparator.<Integer, String>comparing(i -> storedName(results.get(i))).thenComparing(byRank)));
        positions.put(ResultSort.SEGMENT, positions(results.size(),
                Comparator.<Integer, String>comparing(i -> results.get(i).segment().name()).thenComparing(byRank)));
    }

    static RunOrder of(List<Recommendation> results) {
        return new RunOrder(results);
    }

    /** The name as the results table stores it: a missing name is empty. */
    static String storedName(Recommendation r) {
        return r.name() == null ? "" : r.name();
    }

    int rank(int ordinal) {
        return ranks[ordinal];
    }

    /** The result's position (1 first) in the natural direction of a sort key with a position column. */
    int position(ResultSort sort, int ordinal) {
        return positions.get(sort)[ordinal];
    }

    /** Position of each index (1 first) when the indexes are sorted by {@code order}. */
    private static int[] positions(int size, Comparator<Integer> order) {
        Integer[] sorted = new Integer[size];
        for (int i = 0; i < size; i++) sorted[i] = i;
        Arrays.sort(sorted, order);
        int[] positions = new int[size];
        for (int position = 0; position < size; position++) positions[sorted[position]] = position + 1;
        return positions;
    }
}
