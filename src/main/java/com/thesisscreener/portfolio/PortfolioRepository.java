package com.thesisscreener.portfolio;

import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.report.ExplanationCodec;
import com.thesisscreener.report.ResultStats;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    private final RunIndexes indexes;
    /** Reads the results an export will need next; daemons, idle ones end after a minute. */
    private final ExecutorService readers = Executors.newCachedThreadPool(Background.daemons("run-reader"));

    PortfolioRepository(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, RunIndexes indexes) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.indexes = indexes;
    }

    /** A new portfolio, hidden until {@link #reveal} and described by {@link #describe} once its file is read. */
    long insertPortfolio(String name, String fileName, Instant createdAt) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into portfolio (name, file_name, sheet, rows_read, rows_rejected, ignored_columns, created_at, complete)
                        values (?, ?, '', 0, 0, '', ?, false)""")
                .params(name, fileName, Timestamp.from(createdAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Records what reading the file found: the sheet read, rows read and rejected, the columns ignored. */
    void describe(long portfolioId, String sheet, int rowsRead, int rowsRejected, List<String> ignoredColumns) {
        jdbc.sql("update portfolio set sheet = ?, rows_read = ?, rows_rejected = ?, ignored_columns = ? where id = ?")
                .params(sheet, rowsRead, rowsRejected, String.join("\n", ignoredColumns), portfolioId)
                .update();
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
     * Stores a run whole, in the caller's transaction: each result with its filter columns and compact explanation;
     * the thesis passages once; the companies per band and segment; the run's index (ranks and every sort order).
     */
    long insertRun(long portfolioId, String ruleSetVersion, List<Recommendation> results, Instant createdAt) {
        long runId = startRun(portfolioId, ruleSetVersion, results.size(), createdAt);
        insertResults(runId, PackedResults.of(results), 0);
        finishRun(runId, RunTally.of(results));
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

    /**
     * Stores results whose ordinals start at {@code firstOrdinal}: one slice of a run. Their ranks are in the run's
     * index, stored when the run is finished (a rank needs every result; a slice is stored before the next is screened).
     */
    void insertResults(long runId, PackedResults slice, int firstOrdinal) {
        template.batchUpdate("""
                        insert into run_result (run_id, ordinal, ticker, name, segment, score, band, confidence,
                            findings_fingerprint, explanation)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                indexed(slice.results()), BATCH_SIZE, (ps, row) -> {
                    Recommendation r = row.value();
                    int i = 1;
                    ps.setLong(i++, runId);
                    ps.setInt(i++, firstOrdinal + row.index());
                    ps.setString(i++, r.ticker());
                    ps.setString(i++, RunIndex.storedName(r));
                    ps.setString(i++, r.segment().name());
                    ps.setInt(i++, r.score());
                    ps.setString(i++, r.band().name());
                    ps.setDouble(i++, r.confidence());
                    ps.setLong(i++, slice.fingerprints()[row.index()]);
                    ps.setBytes(i, slice.explanations()[row.index()]);
                });
    }

    /** Stores what a run needs once (passages, counts, its index) and shows it to readers: its results are all stored. */
    void finishRun(long runId, RunTally tally) {
        insertThesis(runId, tally.thesis());
        insertCounts(runId, tally.bandsAndSegments());
        indexes.store(runId, tally.index());
        jdbc.sql("update screening_run set complete = true where id = ?").param(runId).update();
    }

    /** Deletes a run, hidden or not, with its results. */
    void discardRun(long runId) {
        jdbc.sql("delete from screening_run where id = ?").param(runId).update();
    }

    private void insertThesis(long runId, Map<String, String> thesis) {
        template.batchUpdate("insert into run_thesis (run_id, rule_id, thesis) values (?, ?, ?)", List.copyOf(thesis.entrySet()),
                BATCH_SIZE, (ps, entry) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, entry.getKey());
                    ps.setString(3, entry.getValue());
                });
    }

    private void insertCounts(long runId, Map<Band, Map<Segment, Integer>> bandsAndSegments) {
        List<Map.Entry<List<String>, Integer>> counts = new ArrayList<>();
        bandsAndSegments.forEach((band, segments) -> segments.forEach((segment, companies) ->
                counts.add(Map.entry(List.of(band.name(), segment.name()), companies))));
        template.batchUpdate("insert into run_count (run_id, band, segment, companies) values (?, ?, ?, ?)", counts,
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
                .query((rs, n) -> reader.read(rs, 0)).list();
    }

    /** Every result of a run in rank order, read row by row as {@code each} takes them. */
    void forEachRanked(ScreeningRun run, Consumer<? super Recommendation> each) {
        Reader reader = reader(run);
        RunIndex index = indexes.of(run);
        int[] ranked = index.rankOrder();
        // The next slice is read on another thread while the caller writes this one out: an export then keeps a core
        // on the database and one on its output. Runs never change once stored, so another connection reads the same.
        Future<List<RankedResult>> next = readAhead(run, index, ranked, 0, reader);
        try {
            for (int from = 0; from < ranked.length; from += ResultQuery.MAX_SIZE) {
                List<RankedResult> slice = Background.await(next, "reading a run's results");
                int following = from + ResultQuery.MAX_SIZE;
                next = following < ranked.length ? readAhead(run, index, ranked, following, reader) : null;
                for (RankedResult result : slice) each.accept(result.result());
            }
        } finally {
            if (next != null) next.cancel(false); // never interrupt a query: an interrupted file channel closes H2
        }
    }

    private Future<List<RankedResult>> readAhead(ScreeningRun run, RunIndex index, int[] ranked, int from, Reader reader) {
        int[] slice = Arrays.copyOfRange(ranked, from, Math.min(ranked.length, from + ResultQuery.MAX_SIZE));
        return readers.submit(() -> rows(run, index, slice, reader));
    }

    /** Lets reads under way finish: an interrupted query would close H2's file channel. */
    @PreDestroy
    void stopReading() {
        readers.shutdown();
    }

    /** The results in rows {@code ordinals} of a run, in that order, with their ranks. */
    private List<RankedResult> rows(ScreeningRun run, RunIndex index, int[] ordinals, Reader reader) {
        if (ordinals.length == 0) return List.of();
        Map<Integer, Recommendation> byOrdinal = new HashMap<>();
        Integer[] wanted = Arrays.stream(ordinals).boxed().toArray(Integer[]::new);
        // Joined from the array of row numbers, each row is looked up in the primary key (H2 and PostgreSQL alike);
        // "ordinal in (?, ?, ...)" or "= any(?)" on the key's second column made H2 read the whole run for every page.
        jdbc.sql(SELECT_WANTED_RESULTS).params(wanted, run.id())
                .query(rs -> {
                    byOrdinal.put(rs.getInt(1), reader.read(rs, 0));
                });
        List<RankedResult> rows = new ArrayList<>(ordinals.length);
        for (int ordinal : ordinals) rows.add(new RankedResult(index.rank(ordinal), byOrdinal.get(ordinal)));
        return rows;
    }

    /** What a report of a run needs before its first row, from the run's counts, passages and one aggregate. */
    ResultStats stats(ScreeningRun run) {
        int longestName = jdbc.sql("select coalesce(max(length(name)), 0) from run_result where run_id = ?").param(run.id())
                .query(Integer.class).single();
        return new ResultStats(run.companies(), bandCounts(run.id()), longestName, reader(run).thesis);
    }

    /**
     * One page of a run's results, with the number of results the filters match: the run's index (in memory once
     * read) finds the page's rows at any depth, in any order, through any filter; only those rows are read.
     */
    ResultPage<RankedResult> findPage(ScreeningRun run, ResultQuery query) {
        RunIndex index = indexes.of(run);
        RunIndex.Page page = index.page(query);
        List<RankedResult> rows = rows(run, index, page.ordinals(), reader(run));
        int[] positions = page.positions();
        Integer next = rows.size() == query.size() ? positions[positions.length - 1] : null;
        return new ResultPage<>(rows, query.page(), query.size(), page.total(), next);
    }

    /** The rank of a ticker in a run (1 best): an exact match first, else the only ticker equal ignoring case. */
    Optional<Integer> rankOf(ScreeningRun run, String ticker) {
        List<Object[]> found = jdbc.sql("select ordinal, ticker from run_result where run_id = ? and upper(ticker) = ?")
                .params(run.id(), ticker.toUpperCase(java.util.Locale.ROOT))
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
        Optional<Object[]> match = found.stream().filter(row -> row[1].equals(ticker)).findFirst();
        if (match.isEmpty() && found.size() == 1) match = Optional.of(found.get(0));
        RunIndex index = indexes.of(run);
        return match.map(row -> index.rank((Integer) row[0]));
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
                .query((rs, n) -> new Recommendation[] {then.read(rs, 0), now.read(rs, 10)})
                .list();
    }

    private static final String RESULT_COLUMNS = "ordinal, rank_in_run, ticker, name, segment, score, band, confidence, explanation, detail";
    private static final String SELECT_RESULT = "select " + RESULT_COLUMNS + " from run_result";
    /** The result rows of one run (second parameter) whose row numbers are in an array (first parameter). */
    private static final String SELECT_WANTED_RESULTS = "select r." + RESULT_COLUMNS.replace(", ", ", r.")
            + " from unnest(cast(? as integer array)) as wanted(o) join run_result r on r.run_id = ? and r.ordinal = wanted.o";

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

        /** Reads the ten result columns starting after column {@code skip}. */
        Recommendation read(ResultSet rs, int skip) throws SQLException {
            String name = rs.getString(skip + 4);
            ExplanationCodec.Columns columns = new ExplanationCodec.Columns(rs.getString(skip + 3), name == null || name.isEmpty() ? null : name,
                    Segment.valueOf(rs.getString(skip + 5)), rs.getInt(skip + 6), Band.valueOf(rs.getString(skip + 7)), rs.getDouble(skip + 8));
            byte[] packed = rs.getBytes(skip + 9);
            return packed != null ? unpacker.unpack(packed, columns, thesis, version)
                    : json.readValue(rs.getString(skip + 10), Recommendation.class);
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
