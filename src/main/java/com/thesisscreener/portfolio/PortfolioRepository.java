package com.thesisscreener.portfolio;

import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.report.ExplanationCodec;
import com.thesisscreener.report.ResultStats;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain JDBC over the Flyway schema; rows, problems and results are written in batches, not one by one. A new
 * portfolio or run is hidden from every reader until {@link #reveal} or {@link #finishRun} marks it complete, so it
 * can be written in slices, each its own transaction.
 */
@Repository
class PortfolioRepository {

    static final int BATCH_SIZE = 1000;
    /** Rows per transaction when a portfolio or run is stored in slices: commits stay short, whatever the size. */
    static final int SLICE_SIZE = 5000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    PortfolioRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    long insertPortfolio(String name, String fileName, String sheet, int rowsRead, int rowsRejected, List<String> ignoredColumns,
                         Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into portfolio (name, file_name, sheet, rows_read, rows_rejected, ignored_columns, created_at, complete)
                        values (?, ?, ?, ?, ?, ?, ?, false)""")
                .params(name, fileName, sheet, rowsRead, rowsRejected, String.join("\n", ignoredColumns), Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Shows a portfolio stored by {@link #insertPortfolio} to readers, once all of it is stored. */
    void reveal(long portfolioId) {
        jdbc.sql("update portfolio set complete = true where id = ?").param(portfolioId).update();
    }

    /** Deletes a portfolio, hidden or not, with everything stored for it. */
    void discard(long portfolioId) {
        jdbc.sql("delete from portfolio where id = ?").param(portfolioId).update();
    }

    /** Deletes portfolios still hidden that were started before {@code startedBefore}: uploads an instance abandoned. */
    int discardAbandoned(Instant startedBefore) {
        return jdbc.sql("delete from portfolio where complete = false and created_at < ?").param(Timestamp.from(startedBefore)).update();
    }

    void insertCompanies(long portfolioId, List<Company> companies) {
        insertCompanies(portfolioId, companies, 0);
    }

    /** Stores rows whose ordinals start at {@code firstOrdinal}: one slice of a portfolio. */
    void insertCompanies(long portfolioId, List<Company> companies, int firstOrdinal) {
        template.batchUpdate("insert into portfolio_company (portfolio_id, ordinal, " + CompanyRows.COLUMNS
                        + ") values (?, ?, " + CompanyRows.MARKERS + ")",
                indexed(companies), BATCH_SIZE, (ps, row) -> {
                    ps.setLong(1, portfolioId);
                    ps.setInt(2, firstOrdinal + row.index());
                    CompanyRows.bind(ps, 3, row.value());
                });
    }

    void insertProblems(long portfolioId, List<RowProblem> problems) {
        template.batchUpdate("""
                        insert into import_problem (portfolio_id, ordinal, sheet, sheet_row, column_ref, header, raw_value, expected, message)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(problems), BATCH_SIZE, (ps, row) -> {
                    RowProblem p = row.value();
                    ps.setLong(1, portfolioId);
                    ps.setInt(2, row.index());
                    ps.setString(3, p.sheet());
                    ps.setInt(4, p.row());
                    ps.setString(5, p.column());
                    ps.setString(6, p.header());
                    ps.setString(7, truncate(p.value(), 4000));
                    ps.setString(8, truncate(p.expected(), 1000));
                    ps.setString(9, truncate(p.message(), 8000));
                });
    }

    /**
     * Stores a run whole, in the caller's transaction: each result with its rank, its positions in every sort order,
     * its filter columns and its compact explanation; the thesis passages once; the companies per band and segment.
     */
    long insertRun(long portfolioId, String ruleSetVersion, List<Recommendation> results, Instant createdAt) {
        long runId = startRun(portfolioId, ruleSetVersion, results.size(), createdAt);
        insertResults(runId, results, RunOrder.of(results), 0, results.size());
        finishRun(runId, results);
        return runId;
    }

    /** A run hidden from readers until {@link #finishRun}; its results may be stored in slices meanwhile. */
    long startRun(long portfolioId, String ruleSetVersion, int companies, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into screening_run (portfolio_id, rule_set_version, companies, created_at, complete) values (?, ?, ?, ?, false)")
                .params(portfolioId, ruleSetVersion, companies, Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Stores the results with ordinals {@code from} (inclusive) to {@code to} (exclusive): one slice of a run. */
    void insertResults(long runId, List<Recommendation> results, RunOrder order, int from, int to) {
        ExplanationCodec packer = new ExplanationCodec();
        template.batchUpdate("""
                        insert into run_result (run_id, ordinal, rank_in_run, score_position, confidence_position, ticker_position,
                            name_position, segment_position, ticker, name, segment, score, band, confidence, findings_fingerprint, explanation)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(results.subList(from, to)), BATCH_SIZE, (ps, row) -> {
                    Recommendation r = row.value();
                    int ordinal = from + row.index();
                    int i = 1;
                    ps.setLong(i++, runId);
                    ps.setInt(i++, ordinal);
                    ps.setInt(i++, order.rank(ordinal));
                    for (ResultSort sort : POSITIONED) ps.setInt(i++, order.position(sort, ordinal));
                    ps.setString(i++, r.ticker());
                    ps.setString(i++, RunOrder.storedName(r));
                    ps.setString(i++, r.segment().name());
                    ps.setInt(i++, r.score());
                    ps.setString(i++, r.band().name());
                    ps.setDouble(i++, r.confidence());
                    ps.setLong(i++, FindingsFingerprint.of(r));
                    ps.setBytes(i, packer.pack(r));
                });
    }

    /** The sort keys with a position column, in the order of the insert's columns. */
    private static final List<ResultSort> POSITIONED =
            List.of(ResultSort.SCORE, ResultSort.CONFIDENCE, ResultSort.TICKER, ResultSort.NAME, ResultSort.SEGMENT);

    /** Stores what a run needs once (passages, counts) and shows it to readers: its results are all stored. */
    void finishRun(long runId, List<Recommendation> results) {
        insertThesis(runId, results);
        insertCounts(runId, results);
        jdbc.sql("update screening_run set complete = true where id = ?").param(runId).update();
    }

    /** Deletes a run, hidden or not, with its results. */
    void discardRun(long runId) {
        jdbc.sql("delete from screening_run where id = ?").param(runId).update();
    }

    private void insertThesis(long runId, List<Recommendation> results) {
        Map<String, String> thesis = new TreeMap<>();
        for (Recommendation r : results) {
            for (Finding f : r.findings()) {
                if (!f.thesis().isEmpty()) thesis.putIfAbsent(f.ruleId(), f.thesis());
            }
        }
        template.batchUpdate("insert into run_thesis (run_id, rule_id, thesis) values (?, ?, ?)", List.copyOf(thesis.entrySet()),
                BATCH_SIZE, (ps, entry) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, entry.getKey());
                    ps.setString(3, entry.getValue());
                });
    }

    private void insertCounts(long runId, List<Recommendation> results) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (Recommendation r : results) counts.merge(List.of(r.band().name(), r.segment().name()), 1, Integer::sum);
        template.batchUpdate("insert into run_count (run_id, band, segment, companies) values (?, ?, ?, ?)", List.copyOf(counts.entrySet()),
                BATCH_SIZE, (ps, entry) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, entry.getKey().get(0));
                    ps.setString(3, entry.getKey().get(1));
                    ps.setInt(4, entry.getValue());
                });
    }

    Optional<StoredPortfolio> findPortfolio(long id) {
        return jdbc.sql("select * from portfolio where id = ? and complete = true").param(id).query(this::portfolio).optional();
    }

    List<StoredPortfolio> findPortfolios(int page, int size) {
        return jdbc.sql("select * from portfolio where complete = true order by created_at desc, id desc limit ? offset ?")
                .params(size, (long) page * size).query(this::portfolio).list();
    }

    long countPortfolios() {
        return jdbc.sql("select count(*) from portfolio where complete = true").query(Long.class).single();
    }

    /** Locks the portfolio's row until the transaction ends (a delete elsewhere waits); false when it is gone. */
    boolean lockPortfolio(long id) {
        return !jdbc.sql("select id from portfolio where id = ? and complete = true for update").param(id).query(Long.class).list().isEmpty();
    }

    boolean deletePortfolio(long id) {
        return jdbc.sql("delete from portfolio where id = ? and complete = true").param(id).update() > 0;
    }

    List<Company> findCompanies(long portfolioId) {
        return jdbc.sql("select * from portfolio_company where portfolio_id = ? order by ordinal").param(portfolioId)
                .query((rs, n) -> CompanyRows.read(rs)).list();
    }

    List<RowProblem> findProblems(long portfolioId) {
        return jdbc.sql("select * from import_problem where portfolio_id = ? order by ordinal").param(portfolioId)
                .query((rs, n) -> new RowProblem(rs.getString("sheet"), rs.getInt("sheet_row"), rs.getString("column_ref"),
                        rs.getString("header"), rs.getString("raw_value"), rs.getString("expected")))
                .list();
    }

    List<ScreeningRun> findRuns(long portfolioId) {
        return jdbc.sql("select * from screening_run where portfolio_id = ? and complete = true order by id desc").param(portfolioId)
                .query(this::run).list();
    }

    Optional<ScreeningRun> findRun(long portfolioId, long runId) {
        return jdbc.sql("select * from screening_run where portfolio_id = ? and id = ? and complete = true").params(portfolioId, runId)
                .query(this::run).optional();
    }

    /** Results of a run in input order, optionally narrowed to a band and a segment. */
    List<Recommendation> findResults(ScreeningRun run, Band band, Segment segment) {
        Filter filter = new Filter(run.id()).equal("band", band).equal("segment", segment);
        Reader reader = reader(run);
        return jdbc.sql(SELECT_RESULT + filter.where() + " order by ordinal").params(filter.params())
                .query((rs, n) -> reader.read(rs).result()).list();
    }

    /** Every result of a run in rank order, read row by row as {@code each} takes them. */
    void forEachRanked(ScreeningRun run, Consumer<? super Recommendation> each) {
        Reader reader = reader(run);
        jdbc.sql(SELECT_RESULT + " where run_id = ? order by rank_in_run").param(run.id())
                .query(rs -> {
                    each.accept(reader.read(rs).result());
                });
    }

    /** What a report of a run needs before its first row, from the run's counts, passages and one aggregate. */
    ResultStats stats(ScreeningRun run) {
        int longestName = jdbc.sql("select coalesce(max(length(name)), 0) from run_result where run_id = ?").param(run.id())
                .query(Integer.class).single();
        return new ResultStats(run.companies(), bandCounts(run.id()), longestName, reader(run).thesis);
    }

    /**
     * One page of a run's results, with the number of results the filters match; reads the page's rows only. When
     * the filters leave a block of consecutive positions (no filter; a band alone in rank order, since rank orders
     * by band first) the page is a range of the order's position index, found directly at any depth ("seek").
     * Other filters walk the position index from the start or from the query's continuation ({@code after}).
     */
    ResultPage<RankedResult> findPage(ScreeningRun run, ResultQuery query) {
        Filter filter = new Filter(run.id())
                .equal("band", query.band()).equal("segment", query.segment())
                .atLeast("score", query.minScore()).atMost("score", query.maxScore())
                .atLeast("confidence", query.minConfidence()).atMost("confidence", query.maxConfidence());
        long total = total(run, query, filter);
        String position = query.sort().positionColumn();
        boolean reversed = query.direction() != query.sort().naturalDirection();
        String order = " order by " + position + (reversed ? " desc" : " asc");
        Block block = query.after() == null ? block(run, query, total) : null;
        Reader reader = reader(run);
        List<RankedPosition> rows;
        if (block != null) {
            long[] range = block.page(query.offset(), query.size(), reversed);
            rows = jdbc.sql(SELECT_POSITIONED.formatted(position) + " where run_id = ? and " + position + " between ? and ?" + order)
                    .params(run.id(), range[0], range[1]).query((rs, n) -> positioned(reader, rs)).list();
        } else {
            List<Object> params = new ArrayList<>(filter.params());
            String where = filter.where();
            if (query.after() != null) {
                where += " and " + position + (reversed ? " < ?" : " > ?");
                params.add(query.after());
            }
            params.add(query.size());
            params.add(query.after() == null ? query.offset() : 0);
            rows = jdbc.sql(SELECT_POSITIONED.formatted(position) + where + order + " limit ? offset ?")
                    .params(params).query((rs, n) -> positioned(reader, rs)).list();
        }
        Integer next = rows.size() == query.size() ? rows.get(rows.size() - 1).position() : null;
        return new ResultPage<>(rows.stream().map(RankedPosition::result).toList(), query.page(), query.size(), total, next);
    }

    /** Positions {@code first} to {@code last} of an order, every one of them matching the query's filters. */
    private record Block(long first, long last) {

        /** The positions of the page at {@code offset}, the first read first; empty past the end. */
        long[] page(long offset, int size, boolean reversed) {
            return reversed ? new long[] {Math.max(first, last - offset - size + 1), last - offset}
                    : new long[] {first + offset, Math.min(last, first + offset + size - 1)};
        }
    }

    /** The block of positions the filters select, or null when they select scattered positions. */
    private Block block(ScreeningRun run, ResultQuery query, long total) {
        boolean otherFilter = query.segment() != null || query.minScore() != null || query.maxScore() != null
                || query.minConfidence() != null || query.maxConfidence() != null;
        if (otherFilter) return null;
        if (query.band() == null) return new Block(1, total);
        if (!query.sort().byRank()) return null;
        long before = bandCounts(run.id()).entrySet().stream().filter(e -> e.getKey().compareTo(query.band()) < 0)
                .mapToLong(Map.Entry::getValue).sum();
        return new Block(before + 1, before + total);
    }

    private record RankedPosition(RankedResult result, int position) {
    }

    private static RankedPosition positioned(Reader reader, ResultSet rs) throws SQLException {
        return new RankedPosition(reader.read(rs), rs.getInt(11));
    }

    /** The total without counting rows where the run's counts answer it: no filter, or band and segment only. */
    private long total(ScreeningRun run, ResultQuery query, Filter filter) {
        boolean rangeFilter = query.minScore() != null || query.maxScore() != null || query.minConfidence() != null
                || query.maxConfidence() != null;
        if (rangeFilter) {
            return jdbc.sql("select count(*) from run_result" + filter.where()).params(filter.params()).query(Long.class).single();
        }
        if (query.band() == null && query.segment() == null) return run.companies();
        Filter counted = new Filter(run.id()).equal("band", query.band()).equal("segment", query.segment());
        return jdbc.sql("select coalesce(sum(companies), 0) from run_count" + counted.where()).params(counted.params())
                .query(Long.class).single();
    }

    /** Companies per band in a run, from the counts stored with it. */
    Map<Band, Integer> bandCounts(long runId) {
        Map<Band, Integer> counts = new EnumMap<>(Band.class);
        for (Band band : Band.values()) counts.put(band, 0);
        jdbc.sql("select band, sum(companies) from run_count where run_id = ? group by band").param(runId)
                .query(rs -> {
                    counts.put(Band.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    /**
     * The results of two runs of one portfolio that may differ: the database joins them by row and keeps the
     * rows whose ticker, score, band or findings (rule ids and points) differ (rows stored before V10 always count),
     * so only those are read and decoded.
     */
    List<Recommendation[]> findDifferingPairs(ScreeningRun before, ScreeningRun after) {
        Reader then = reader(before);
        Reader now = reader(after);
        return jdbc.sql("""
                        select b.ordinal, b.rank_in_run, b.ticker, b.name, b.segment, b.score, b.band, b.confidence, b.explanation, b.detail,
                               a.ordinal, a.rank_in_run, a.ticker, a.name, a.segment, a.score, a.band, a.confidence, a.explanation, a.detail
                        from run_result b join run_result a on a.run_id = ? and a.ordinal = b.ordinal
                        where b.run_id = ? and (a.ticker <> b.ticker or a.score <> b.score or a.band <> b.band
                            or a.findings_fingerprint is null or b.findings_fingerprint is null
                            or a.findings_fingerprint <> b.findings_fingerprint)
                        order by b.ordinal""")
                .params(after.id(), before.id())
                .query((rs, n) -> new Recommendation[] {then.read(rs, 0).result(), now.read(rs, 10).result()})
                .list();
    }

    private static final String SELECT_RESULT =
            "select ordinal, rank_in_run, ticker, name, segment, score, band, confidence, explanation, detail from run_result";
    /** The result columns and then the position column named by {@code %s}. */
    private static final String SELECT_POSITIONED =
            "select ordinal, rank_in_run, ticker, name, segment, score, band, confidence, explanation, detail, %s from run_result";

    private Reader reader(ScreeningRun run) {
        Map<String, String> thesis = new HashMap<>();
        jdbc.sql("select rule_id, thesis from run_thesis where run_id = ?").param(run.id())
                .query(rs -> {
                    thesis.put(rs.getString(1), rs.getString(2));
                });
        return new Reader(thesis, run.ruleSetVersion());
    }

    /** Turns result rows of one run back into recommendations: compact rows, and JSON rows stored before them. */
    private final class Reader {

        private final Map<String, String> thesis;
        private final String version;
        private final ExplanationCodec unpacker = new ExplanationCodec();

        Reader(Map<String, String> thesis, String version) {
            this.thesis = thesis;
            this.version = version;
        }

        RankedResult read(ResultSet rs) throws SQLException {
            return read(rs, 0);
        }

        /** Reads the ten result columns starting after column {@code skip}. */
        RankedResult read(ResultSet rs, int skip) throws SQLException {
            String name = rs.getString(skip + 4);
            ExplanationCodec.Columns columns = new ExplanationCodec.Columns(rs.getString(skip + 3), name == null || name.isEmpty() ? null : name,
                    Segment.valueOf(rs.getString(skip + 5)), rs.getInt(skip + 6), Band.valueOf(rs.getString(skip + 7)), rs.getDouble(skip + 8));
            byte[] packed = rs.getBytes(skip + 9);
            Recommendation result = packed != null ? unpacker.unpack(packed, columns, thesis, version)
                    : json.readValue(rs.getString(skip + 10), Recommendation.class);
            return new RankedResult(rs.getInt(skip + 2), result);
        }
    }

    /** A where clause over one run's results, built from optional conditions on fixed column names. */
    private static final class Filter {

        private final StringBuilder where = new StringBuilder(" where run_id = ?");
        private final List<Object> params = new ArrayList<>();

        Filter(long runId) {
            params.add(runId);
        }

        Filter equal(String column, Enum<?> value) {
            return value == null ? this : add(column + " = ?", value.name());
        }

        Filter atLeast(String column, Number value) {
            return value == null ? this : add(column + " >= ?", value);
        }

        Filter atMost(String column, Number value) {
            return value == null ? this : add(column + " <= ?", value);
        }

        private Filter add(String condition, Object value) {
            where.append(" and ").append(condition);
            params.add(value);
            return this;
        }

        String where() {
            return where.toString();
        }

        List<Object> params() {
            return params;
        }
    }

    private StoredPortfolio portfolio(ResultSet rs, int row) throws SQLException {
        String ignored = rs.getString("ignored_columns");
        return new StoredPortfolio(rs.getLong("id"), rs.getString("name"), rs.getString("file_name"), rs.getString("sheet"),
                rs.getInt("rows_read"), rs.getInt("rows_rejected"),
                ignored == null || ignored.isEmpty() ? List.of() : List.of(ignored.split("\n")),
                rs.getTimestamp("created_at").toInstant());
    }

    private ScreeningRun run(ResultSet rs, int row) throws SQLException {
        return new ScreeningRun(rs.getLong("id"), rs.getLong("portfolio_id"), rs.getString("rule_set_version"),
                rs.getInt("companies"), rs.getTimestamp("created_at").toInstant());
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static <T> List<Indexed<T>> indexed(List<T> values) {
        List<Indexed<T>> rows = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) rows.add(new Indexed<>(i, values.get(i)));
        return rows;
    }

    record Indexed<T>(int index, T value) {
    }
}
