package com.thesisscreener.portfolio;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * What a query of one stored run needs before it reads a result row: each result's band, segment, score and
 * confidence (filters and totals) and the run's order by every sort key (position to row). About 40 bytes per
 * result, stored deflated beside the run and kept in memory while used: a page at any depth, in any order, with any
 * filter, reads only its own rows, and storing a run maintains no secondary index (which made storing 100,000
 * results rewrite B-tree pages all over the database file). Strings order by UTF-16 code unit, as H2 does and as
 * PostgreSQL's C collation does inside the Basic Multilingual Plane. A run never changes once stored, nor does its index.
 */
final class RunIndex {

    private static final int FORMAT = 1;
    /** The sort keys with an order of their own; RANK and BAND share the rank order. */
    private static final List<ResultSort> ORDERED =
            List.of(ResultSort.RANK, ResultSort.SCORE, ResultSort.CONFIDENCE, ResultSort.TICKER, ResultSort.NAME, ResultSort.SEGMENT);

    /** The columns of one result the index is built from. */
    record Row(String ticker, String name, Segment segment, int score, Band band, double confidence) {

        static Row of(Recommendation r) {
            return new Row(r.ticker(), storedName(r), r.segment(), r.score(), r.band(), r.confidence());
        }
    }

    /** Segment names, the same String object per segment: sorting them compares mostly identical references. */
    private static final String[] SEGMENT_NAMES = Arrays.stream(Segment.values()).map(Segment::name).toArray(String[]::new);

    /** How results rank, as {@link Recommendation#RANKING} ranks them: band, score (highest first), ticker. */
    private static final Comparator<Row> RANKING = Comparator.comparing(Row::band)
            .thenComparing(Comparator.comparingInt(Row::score).reversed())
            .thenComparing(Row::ticker);

    private final byte[] bands;
    private final byte[] segments;
    private final int[] scores;
    private final double[] confidences;
    /** For each sort key, the row (ordinal) at each position, natural direction first. */
    private final Map<ResultSort, int[]> orders;
    /** The rank (1 best) of each row: the rank order turned around. */
    private final int[] ranks;

    private RunIndex(byte[] bands, byte[] segments, int[] scores, double[] confidences, Map<ResultSort, int[]> orders) {
        this.bands = bands;
        this.segments = segments;
        this.scores = scores;
        this.confidences = confidences;
        this.orders = orders;
        this.ranks = new int[scores.length];
        int[] rankOrder = orders.get(ResultSort.RANK);
        for (int position = 0; position < rankOrder.length; position++) ranks[rankOrder[position]] = position + 1;
    }

    /** The index of screened results, ranked; ties (a ticker listed twice) keep input order. */
    static RunIndex of(List<Recommendation> results) {
        return ranked(results.stream().map(Row::of).toList());
    }

    /**
     * The index of rows in input order, ranked; ties keep input order. Every order is one sort of primitive keys
     * (each value's place among the distinct values of its column, then the tie-break), not a sort of boxed row
     * numbers through comparators, which took seconds for 100,000 rows on a cold service.
     */
    static RunIndex ranked(List<Row> rows) {
        int size = rows.size();
        byte[] bands = new byte[size];
        byte[] segments = new byte[size];
        int[] scores = new int[size];
        double[] confidences = new double[size];
        String[] tickers = new String[size];
        String[] names = new String[size];
        String[] segmentNames = new String[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            bands[i] = (byte) row.band().ordinal();
            segments[i] = (byte) row.segment().ordinal();
            scores[i] = row.score();
            confidences[i] = row.confidence();
            tickers[i] = row.ticker();
            names[i] = row.name();
            segmentNames[i] = SEGMENT_NAMES[row.segment().ordinal()];
        }
        Places scorePlaces = Places.of(scores).descending();
        Places tickerPlaces = Places.of(tickers);
        int[] rankOrder = rankOrder(rows, bands, scorePlaces, tickerPlaces);
        int[] ranks = new int[size];
        for (int position = 0; position < size; position++) ranks[rankOrder[position]] = position + 1;
        Map<ResultSort, Supplier<Places>> columns = Map.of(ResultSort.SCORE, () -> scorePlaces,
                ResultSort.CONFIDENCE, () -> Places.of(confidences).descending(), ResultSort.TICKER, () -> tickerPlaces,
                ResultSort.NAME, () -> Places.of(names), ResultSort.SEGMENT, () -> Places.of(segmentNames));
        // The orders do not depend on each other: sorted on every core.
        Map<ResultSort, int[]> orders = columns.keySet().parallelStream().collect(Collectors.toMap(sort -> sort,
                sort -> byPlaceThenRank(columns.get(sort).get(), ranks, rankOrder), (same, other) -> same, () -> new EnumMap<>(ResultSort.class)));
        orders.put(ResultSort.RANK, rankOrder);
        return new RunIndex(bands, segments, scores, confidences, orders);
    }

    /** Rows by band, score (highest first), ticker, then input order. */
    private static int[] rankOrder(List<Row> rows, byte[] bands, Places scores, Places tickers) {
        int size = bands.length;
        if (!fitOneLong(Band.values().length, scores.distinct(), tickers.distinct(), size)) {
            return sorted(size, (x, y) -> RANKING.compare(rows.get(x), rows.get(y)));
        }
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = ((bands[i] * (long) scores.distinct() + scores.of(i)) * tickers.distinct() + tickers.of(i)) * size + i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int position = 0; position < size; position++) order[position] = (int) (keys[position] % size);
        return order;
    }

    /** Whether keys made of these many values per part fit in one long. */
    private static boolean fitOneLong(long... valuesPerPart) {
        try {
            long keys = 1;
            for (long values : valuesPerPart) keys = Math.multiplyExact(keys, Math.max(1, values));
            return true;
        } catch (ArithmeticException tooMany) {
            return false;
        }
    }

    /** Rows by their place in a column, ties by rank. */
    private static int[] byPlaceThenRank(Places places, int[] ranks, int[] rankOrder) {
        int size = ranks.length;
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) keys[i] = (long) places.of(i) * size + ranks[i] - 1;
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int position = 0; position < size; position++) order[position] = rankOrder[(int) (keys[position] % size)];
        return order;
    }

    /** Each row's place (0 first) among the distinct values of one column; equal values share a place. */
    private record Places(int[] places, int distinct) {

        int of(int row) {
            return places[row];
        }

        /** Highest value first. */
        Places descending() {
            int[] reversed = new int[places.length];
            for (int i = 0; i < places.length; i++) reversed[i] = distinct - 1 - places[i];
            return new Places(reversed, distinct);
        }

        static Places of(int[] values) {
            int[] distinct = Arrays.stream(values).sorted().distinct().toArray();
            int[] places = new int[values.length];
            for (int i = 0; i < values.length; i++) places[i] = Arrays.binarySearch(distinct, values[i]);
            return new Places(places, distinct.length);
        }

        static Places of(double[] values) {
            double[] distinct = Arrays.stream(values).sorted().distinct().toArray();
            int[] places = new int[values.length];
            for (int i = 0; i < values.length; i++) places[i] = Arrays.binarySearch(distinct, values[i]);
            return new Places(places, distinct.length);
        }

        /** Strings by UTF-16 code unit ({@link String#compareTo}). */
        static Places of(String[] values) {
            String[] sorted = values.clone();
            Arrays.sort(sorted);
            int count = 0;
            for (int i = 0; i < sorted.length; i++) if (count == 0 || !sorted[i].equals(sorted[count - 1])) sorted[count++] = sorted[i];
            String[] distinct = Arrays.copyOf(sorted, count);
            int[] places = new int[values.length];
            for (int i = 0; i < values.length; i++) places[i] = Arrays.binarySearch(distinct, values[i]);
            return new Places(places, distinct.length);
        }
    }

    /** The name as the results table stores it: a missing name is empty. */
    static String storedName(Recommendation r) {
        return r.name() == null ? "" : r.name();
    }

    int size() {
        return scores.length;
    }

    /** The rank (1 best) of the result in row {@code ordinal}. */
    int rank(int ordinal) {
        return ranks[ordinal];
    }

    /** The rows of the run in rank order, best first. */
    int[] rankOrder() {
        return orders.get(ResultSort.RANK).clone();
    }

    /** Memory the index takes, roughly, in bytes: what a cache of indexes weighs. */
    int weight() {
        return size() * (2 + 4 + 8 + 4 + 4 * ORDERED.size()) + 256;
    }

    /** The rows (ordinals) and positions of one page, with the number of results the query's filters keep. */
    record Page(int[] ordinals, int[] positions, long total) {
    }

    /**
     * The page a query asks for: its rows in the query's order, each with its position in the key's natural
     * direction (1 first). Without filters the page starts right at its position; with filters it is found by walking
     * the order from the start, or from {@code after}, skipping what they drop. The total counts every result kept.
     */
    Page page(ResultQuery query) {
        int[] order = orders.get(query.sort() == ResultSort.BAND ? ResultSort.RANK : query.sort());
        IntPredicate keep = filter(query);
        long total = keep == null ? size() : count(keep);
        boolean reversed = query.direction() != query.sort().naturalDirection();
        int step = reversed ? -1 : 1;
        int position = query.after() != null ? query.after() + step : reversed ? size() : 1;
        long skip = query.after() != null ? 0 : query.offset();
        if (keep == null) {
            position = (int) Math.max(0, Math.min(size() + 1L, position + step * skip));
            skip = 0;
        }
        int[] ordinals = new int[query.size()];
        int[] positions = new int[query.size()];
        int found = 0;
        for (; position >= 1 && position <= size() && found < query.size(); position += step) {
            int ordinal = order[position - 1];
            if (keep != null && !keep.test(ordinal)) continue;
            if (skip > 0) {
                skip--;
                continue;
            }
            ordinals[found] = ordinal;
            positions[found++] = position;
        }
        return new Page(Arrays.copyOf(ordinals, found), Arrays.copyOf(positions, found), total);
    }

    private long count(IntPredicate keep) {
        long kept = 0;
        for (int ordinal = 0; ordinal < size(); ordinal++) if (keep.test(ordinal)) kept++;
        return kept;
    }

    /** The query's filters as one test of a row, or null when it has none. */
    private IntPredicate filter(ResultQuery q) {
        List<IntPredicate> tests = new ArrayList<>();
        if (q.band() != null) tests.add(o -> bands[o] == q.band().ordinal());
        if (q.segment() != null) tests.add(o -> segments[o] == q.segment().ordinal());
        if (q.minScore() != null) tests.add(o -> scores[o] >= q.minScore());
        if (q.maxScore() != null) tests.add(o -> scores[o] <= q.maxScore());
        if (q.minConfidence() != null) tests.add(o -> confidences[o] >= q.minConfidence());
        if (q.maxConfidence() != null) tests.add(o -> confidences[o] <= q.maxConfidence());
        return tests.stream().reduce(IntPredicate::and).orElse(null);
    }

    /** The index, deflated. */
    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size() * 16 + 64);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED)), 65536))) {
            out.writeByte(FORMAT);
            out.writeInt(size());
            out.write(bands);
            out.write(segments);
            for (int score : scores) out.writeInt(score);
            for (double confidence : confidences) out.writeDouble(confidence);
            for (ResultSort sort : ORDERED) for (int ordinal : orders.get(sort)) out.writeInt(ordinal);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** What {@link #encode} wrote, checked: an index of another size, or one not holding every row once per order, is refused. */
    static RunIndex decode(byte[] encoded, int expectedSize) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)), 65536))) {
            if (in.readUnsignedByte() != FORMAT) throw new IOException("unknown run index format");
            int size = in.readInt();
            if (size != expectedSize) throw new IOException("run index of " + size + " results for a run of " + expectedSize);
            byte[] bands = new byte[size];
            byte[] segments = new byte[size];
            in.readFully(bands);
            in.readFully(segments);
            int[] scores = new int[size];
            double[] confidences = new double[size];
            for (int i = 0; i < size; i++) scores[i] = in.readInt();
            for (int i = 0; i < size; i++) confidences[i] = in.readDouble();
            Map<ResultSort, int[]> orders = new EnumMap<>(ResultSort.class);
            for (ResultSort sort : ORDERED) orders.put(sort, permutation(in, size));
            checkEnums(bands, Band.values().length);
            checkEnums(segments, Segment.values().length);
            return new RunIndex(bands, segments, scores, confidences, orders);
        }
    }

    private static int[] permutation(DataInputStream in, int size) throws IOException {
        int[] order = new int[size];
        boolean[] seen = new boolean[size];
        for (int i = 0; i < size; i++) {
            int ordinal = in.readInt();
            if (ordinal < 0 || ordinal >= size || seen[ordinal]) throw new IOException("run index order is damaged");
            seen[ordinal] = true;
            order[i] = ordinal;
        }
        return order;
    }

    private static void checkEnums(byte[] values, int count) throws IOException {
        for (byte value : values) if (value < 0 || value >= count) throw new IOException("run index value out of range");
    }

    private static Integer[] ordinals(int size) {
        Integer[] ordinals = new Integer[size];
        for (int i = 0; i < size; i++) ordinals[i] = i;
        return ordinals;
    }

    private static int[] sorted(int size, Comparator<Integer> order) {
        Integer[] ordinals = ordinals(size);
        Arrays.sort(ordinals, order);
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) rows[i] = ordinals[i];
        return rows;
    }
}
