package com.thesisscreener.portfolio;

import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.Positions;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run keeps beyond its result rows, gathered slice by slice while the results are stored, so a run of any
 * size is stored without holding all its results: the index (orders and filter columns), the thesis passage of
 * every rule that fired, the companies per band and segment, and the book's figures when the file had positions.
 */
final class RunTally {

    private final List<RunIndex.Row> rows = new ArrayList<>();
    private final Map<String, String> thesis = new TreeMap<>();
    private final int[][] counts = new int[Band.values().length][Segment.values().length];
    private final PositionFigures.Builder book;

    RunTally(Positions positions) {
        this.book = new PositionFigures.Builder(positions);
    }

    /** A tally of results held whole (tests, benches, the command line). */
    static RunTally of(List<Recommendation> results) {
        RunTally tally = new RunTally(Positions.none());
        tally.add(results);
        return tally;
    }

    /** Counts the next results of the run, in input order. */
    void add(List<Recommendation> slice) {
        for (Recommendation r : slice) {
            book.add(r, rows.size());
            rows.add(RunIndex.Row.of(r));
            counts[r.band().ordinal()][r.segment().ordinal()]++;
            for (Finding f : r.findings()) {
                if (!f.thesis().isEmpty()) thesis.putIfAbsent(f.ruleId(), f.thesis());
            }
        }
    }

    int size() {
        return rows.size();
    }

    /** The run's index, ranked. */
    RunIndex index() {
        return RunIndex.ranked(rows);
    }

    /** The thesis passage of every rule that fired, by rule id. */
    Map<String, String> thesis() {
        return thesis;
    }

    /** Companies per band, every band present. */
    Map<Band, Integer> bandCounts() {
        Map<Band, Integer> byBand = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            int companies = 0;
            for (int count : counts[band.ordinal()]) companies += count;
            byBand.put(band, companies);
        }
        return byBand;
    }

    /** Companies of each band and segment, only the combinations present. */
    Map<Band, Map<Segment, Integer>> bandsAndSegments() {
        Map<Band, Map<Segment, Integer>> present = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            for (Segment segment : Segment.values()) {
                int companies = counts[band.ordinal()][segment.ordinal()];
                if (companies > 0) present.computeIfAbsent(band, b -> new EnumMap<>(Segment.class)).put(segment, companies);
            }
        }
        return present;
    }

    /** The book's figures, or null when the file had no position column. */
    PositionFigures positionFigures() {
        return book.build();
    }
}
