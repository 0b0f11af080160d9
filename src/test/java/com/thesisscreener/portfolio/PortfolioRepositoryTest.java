package com.thesisscreener.portfolio;

import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.ShippedRules;
import com.thesisscreener.screening.SwitchingCost;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.importing.UnreadableFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
@JdbcTest
@Import({PortfolioRepository.class, RunIndexes.class, PortfolioRepositoryTest.Json.class, PortfolioRepositoryTest.RoundTrips.class})
@EnableConfigurationProperties(PortfolioSettings.class)
class PortfolioRepositoryTest {

    static class Json {
        @org.springframework.context.annotation.Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }

    /** Counts what reaches the database for one kind of insert: statements sent alone and batches sent. */
    static class RoundTrips implements BeanPostProcessor {

        static final String COMPANY_INSERT = "insert into portfolio_company";
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger rowsBatched = new AtomicInteger();
        final AtomicInteger sentAlone = new AtomicInteger();

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            return bean instanceof DataSource dataSource ? counting(DataSource.class, dataSource, null) : bean;
        }

        private <T> T counting(Class<T> type, T target, String sql) {
            return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result instanceof Connection connection) return counting(Connection.class, connection, null);
                if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String text) {
                    return counting(PreparedStatement.class, statement, text.strip().replaceAll("\\s+", " "));
                }
                if (sql != null && sql.startsWith(COMPANY_INSERT)) count(method.getName());
                return result;
            }));
        }

        private void count(String call) {
            switch (call) {
                case "addBatch" -> rowsBatched.incrementAndGet();
                case "executeBatch", "executeLargeBatch" -> batches.incrementAndGet();
                case "executeUpdate", "execute", "executeLargeUpdate" -> sentAlone.incrementAndGet();
                default -> { }
            }
        }
    }

    @Autowired
    PortfolioRepository repository;

    @Autowired
    RoundTrips roundTrips;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @Autowired
    PortfolioSettings settings;

    @Test
    void companiesComeBackWithEveryFieldAndEveryGapAsStored() {
        Company full = ShippedRules.apiSeller("FULL", 1.6, -0.8).distributionSwitchingCost(SwitchingCost.HIGH)
                .agenticProductionContracts(3).sovereignAiExposure(true).build();
        Company sparse = Company.builder("SPARSE", Segment.DATA_CENTER_REIT).build();
        long id = storedPortfolio("p", "p.xlsx", "Portfolio", 2, 0, List.of(), Instant.now());

        repository.insertCompanies(id, List.of(full, sparse));

        assertThat(repository.findCompanies(id)).containsExactly(full, sparse);
    }

    @Test
    void aStoredRunExplainsItselfWithoutRunningTheRulesAgain() {
        List<Recommendation> results = ShippedRules.screener().screen(List.of(
                ShippedRules.apiSeller("A", 1.6, -0.8).build(), ShippedRules.neutral("B", Segment.SEMICONDUCTORS).build()));
        long id = storedPortfolio("p", "p.xlsx", null, 2, 0, List.of("Notes"), Instant.now());
        repository.reveal(id);

        ScreeningRun run = run(id, ShippedRules.ruleSet().version(), results);

        assertThat(repository.findResults(run, null, null)).isEqualTo(results);
        assertThat(repository.findResults(run, Band.HOLD, Segment.SEMICONDUCTORS)).extracting(Recommendation::ticker).containsExactly("B");
        assertThat(repository.findPortfolio(id).orElseThrow().ignoredColumns()).containsExactly("Notes");
    }

    @Test
    void largePortfoliosAreWrittenInBatches() {
        List<Company> companies = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) companies.add(Company.builder("T" + i, Segment.OTHER).revenueGrowth(i / 1000.0).build());
        long id = storedPortfolio("big", "big.csv", null, companies.size(), 0, List.of(), Instant.now());

        int batchesBefore = roundTrips.batches.get();
        int aloneBefore = roundTrips.sentAlone.get();

        repository.insertCompanies(id, companies);

        assertThat(roundTrips.batches.get() - batchesBefore).as("batches sent for 2,500 rows")
                .isEqualTo((2_500 + PortfolioRepository.BATCH_SIZE - 1) / PortfolioRepository.BATCH_SIZE);
        assertThat(roundTrips.sentAlone.get() - aloneBefore).as("rows inserted one statement at a time").isZero();
        assertThat(repository.findCompanies(id)).hasSize(2_500).first().isEqualTo(companies.get(0));
    }

    @Test
    void deletingAPortfolioRemovesItsRowsProblemsRunsAndResults() {
        long id = storedPortfolio("p", "p.csv", null, 2, 1, List.of(), Instant.now());
        repository.reveal(id);
        repository.insertCompanies(id, List.of(Company.builder("A", Segment.OTHER).build()));
        repository.insertProblems(id, List.of(new RowProblem("p.csv", 3, "D", "API revenue share", "45x", "a fraction")));
        repository.insertRun(id, "v1", ShippedRules.screener().screen(List.of(Company.builder("A", Segment.OTHER).build())), Instant.now());

        assertThat(repository.findProblems(id)).singleElement().extracting(RowProblem::value).isEqualTo("45x");
        assertThat(repository.deletePortfolio(id)).isTrue();

        for (String table : List.of("portfolio_company", "import_problem", "screening_run")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where portfolio_id = ?").param(id).query(Long.class).single())
                    .as(table).isZero();
        }
        assertThat(jdbc.sql("select count(*) from run_result").query(Long.class).single()).isZero();
        assertThat(repository.deletePortfolio(id)).isFalse();
    }

    @Test
    void aPageInRankOrderComesWithTheRankAndTheTotal() {
        List<Recommendation> results = samplePortfolioResults();
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        List<Recommendation> ranked = results.stream().sorted(Recommendation.RANKING).toList();

        ResultPage<RankedResult> second = repository.findPage(run, ResultQuery.ranked(1, 10));

        assertThat(second.total()).isEqualTo(32);
        assertThat(second.totalPages()).isEqualTo(4);
        assertThat(second.items()).extracting(RankedResult::rank).containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(second.items()).extracting(RankedResult::result).isEqualTo(ranked.subList(10, 20));
    }

    @Test
    void everySortKeyOrdersLikeTheResultsThemselvesAndTheOtherDirectionIsTheExactReverse() {
        List<Recommendation> results = samplePortfolioResults();
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        List<Recommendation> ranked = results.stream().sorted(Recommendation.RANKING).toList();
        Map<ResultSort, Comparator<Recommendation>> expected = Map.of(
                ResultSort.RANK, Comparator.comparingInt(ranked::indexOf),
                ResultSort.BAND, Comparator.comparingInt(ranked::indexOf),
                ResultSort.TICKER, Comparator.comparing(Recommendation::ticker),
                ResultSort.NAME, Comparator.comparing(Recommendation::name).thenComparingInt(ranked::indexOf),
                ResultSort.SEGMENT, Comparator.comparing((Recommendation r) -> r.segment().name()).thenComparingInt(ranked::indexOf),
                ResultSort.SCORE, Comparator.comparingInt((Recommendation r) -> -r.score()).thenComparingInt(ranked::indexOf),
                ResultSort.CONFIDENCE, Comparator.comparingDouble((Recommendation r) -> -r.confidence()).thenComparingInt(ranked::indexOf));

        for (ResultSort sort : ResultSort.values()) {
            List<String> natural = tickers(repository.findPage(run, sorted(sort, null)));
            List<String> reversed = tickers(repository.findPage(run, sorted(sort, sort.naturalDirection() == ResultQuery.Direction.ASC
                    ? ResultQuery.Direction.DESC : ResultQuery.Direction.ASC)));

            assertThat(natural).as(sort.name()).isEqualTo(results.stream().sorted(expected.get(sort)).map(Recommendation::ticker).toList());
            List<String> backwards = new ArrayList<>(natural);
            Collections.reverse(backwards);
            assertThat(reversed).as(sort + " reversed").isEqualTo(backwards);
        }
    }

    @Test
    void filtersNarrowThePageAndTheTotalAlike() {
        List<Recommendation> results = samplePortfolioResults();
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);

        ResultPage<RankedResult> avoid = repository.findPage(run, new ResultQuery(Band.AVOID, null, null, null, null, null,
                ResultSort.SCORE, ResultQuery.Direction.ASC, 0, 2));
        ResultPage<RankedResult> modelProvidersScoringAtLeast50 = repository.findPage(run, new ResultQuery(null, Segment.MODEL_PROVIDER,
                50, null, null, null, null, null, 0, 100));
        ResultPage<RankedResult> fullConfidence = repository.findPage(run, new ResultQuery(null, null, null, null, 1.0, 1.0,
                null, null, 0, 100));

        assertThat(avoid.total()).isEqualTo(results.stream().filter(r -> r.band() == Band.AVOID).count());
        assertThat(avoid.items()).hasSize(2).first().extracting(r -> r.result().ticker()).isEqualTo("OPLX");
        assertThat(modelProvidersScoringAtLeast50.items()).extracting(RankedResult::result).containsExactlyElementsOf(results.stream()
                .filter(r -> r.segment() == Segment.MODEL_PROVIDER && r.score() >= 50).sorted(Recommendation.RANKING).toList());
        assertThat(modelProvidersScoringAtLeast50.total()).isEqualTo(modelProvidersScoringAtLeast50.items().size());
        assertThat(fullConfidence.total()).isEqualTo(results.stream().filter(r -> r.confidence() == 1.0).count()).isPositive();
    }

    @Test
    void theThesisPassageIsStoredOncePerRuleNotOncePerFinding() {
        List<Recommendation> results = samplePortfolioResults();
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        long findings = results.stream().mapToLong(r -> r.findings().size()).sum();
        long rulesThatFired = results.stream().flatMap(r -> r.findings().stream()).map(f -> f.ruleId()).distinct().count();

        assertThat(jdbc.sql("select count(*) from run_thesis where run_id = ?").param(run.id()).query(Long.class).single())
                .isEqualTo(rulesThatFired).isLessThan(findings);
        assertThat(repository.findResults(run, null, null)).isEqualTo(results);
        assertThat(repository.bandCounts(run.id())).isEqualTo(Recommendation.countByBand(results));
    }

    @Test
    void twoRunsAreComparedRowByRowAndOnlyTheRowsThatDifferAreRead() {
        List<Company> companies = List.of(ShippedRules.apiSeller("A", 1.6, -0.8).build(), ShippedRules.apiSeller("B", 3.0, -0.5).build(),
                ShippedRules.neutral("C", Segment.SEMICONDUCTORS).build());
        List<Recommendation> before = ShippedRules.screener().screen(companies);
        List<Recommendation> after = new ArrayList<>(before);
        Recommendation b = before.get(1);
        after.set(1, new Recommendation(b.ticker(), b.name(), b.segment(), b.score() - 10, b.scoreBand(), b.band(), b.confidence(),
                b.findings().subList(1, b.findings().size()), b.caps(), b.derived(), b.testsNotRun(), b.ruleSetVersion()));
        long id = portfolio(3);

        List<Recommendation[]> differing = repository.findDifferingPairs(run(id, "v1", before), run(id, "v2", after));

        assertThat(differing).singleElement().satisfies(pair -> {
            assertThat(pair[0].score()).isEqualTo(b.score());
            assertThat(pair[1].score()).isEqualTo(b.score() - 10);
            assertThat(pair[1].ruleSetVersion()).isEqualTo("v2");
        });
    }

    @Test
    void resultsStoredAsJsonBeforeCompactResultsAreStillRead() {
        List<Recommendation> results = ShippedRules.screener().screen(List.of(ShippedRules.apiSeller("OLD", 1.6, -0.8).build()));
        long id = portfolio(1);
        long runId = repository.startRun(id, "v0", 1, Instant.now());
        // A run stored before runs kept an index (V11): shown, with no run_index rows.
        jdbc.sql("update screening_run set complete = true where id = ?").param(runId).update();
        ScreeningRun run = repository.findRun(id, runId).orElseThrow();
        jdbc.sql("""
                insert into run_result (run_id, ordinal, rank_in_run, ticker, name, segment, score, band, confidence, detail)
                values (?, 0, 1, 'OLD', '', 'OTHER', ?, ?, ?, ?)""")
                .params(run.id(), results.get(0).score(), results.get(0).band().name(), results.get(0).confidence(),
                        JsonMapper.builder().build().writeValueAsString(results.get(0)))
                .update();

        assertThat(repository.findPage(run, ResultQuery.ranked(0, 10)).items()).extracting(RankedResult::result).isEqualTo(results);
    }

    @Test
    void everyPageIsWhatSortingAndFilteringTheResultsThemselvesGivesAtEveryDepthSortAndFilter() {
        List<Recommendation> results = ShippedRules.screener().screen(SyntheticCompanies.generate(2_500, 7));
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        List<ResultQuery.Direction> directions = List.of(ResultQuery.Direction.ASC, ResultQuery.Direction.DESC);
        List<Band> bands = java.util.Arrays.asList(null, Band.HOLD, Band.STRONG_BUY);
        List<Segment> segments = java.util.Arrays.asList(null, Segment.MODEL_PROVIDER);

        int compared = 0;
        for (ResultSort sort : ResultSort.values()) {
            for (ResultQuery.Direction direction : directions) {
                for (Band band : bands) {
                    for (Segment segment : segments) {
                        for (int page : List.of(0, 1, 7, 24, 99)) {
                            ResultQuery query = new ResultQuery(band, segment, null, null, null, null, sort, direction, page, 25);
                            assertThat(ranks(repository.findPage(run, query))).as(query.toString()).isEqualTo(offsetPage(results, query));
                            compared++;
                        }
                    }
                }
            }
        }
        ResultQuery scoreRange = new ResultQuery(null, null, 20, 60, 0.5, null, ResultSort.CONFIDENCE, null, 3, 40);
        assertThat(ranks(repository.findPage(run, scoreRange))).isEqualTo(offsetPage(results, scoreRange)).isNotEmpty();
        assertThat(compared).isEqualTo(ResultSort.values().length * 2 * 3 * 2 * 5);
    }

    @Test
    void followingEachPagesContinuationWalksTheSamePagesAsAskingForThemByNumber() {
        List<Recommendation> results = ShippedRules.screener().screen(SyntheticCompanies.generate(1_000, 11));
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        for (ResultQuery byNumber : List.of(
                new ResultQuery(null, null, null, null, null, null, ResultSort.SCORE, null, 0, 30),
                new ResultQuery(Band.HOLD, Segment.MODEL_PROVIDER, null, null, null, null, ResultSort.NAME, ResultQuery.Direction.DESC, 0, 7),
                new ResultQuery(null, null, 10, null, null, null, ResultSort.RANK, null, 0, 50))) {
            ResultPage<RankedResult> numbered = repository.findPage(run, byNumber);
            ResultPage<RankedResult> continued = numbered;
            List<Integer> walked = new ArrayList<>(ranks(numbered));
            List<Integer> expected = new ArrayList<>(ranks(numbered));
            for (int page = 1; continued.next() != null; page++) {
                continued = repository.findPage(run, withPage(byNumber, page, continued.next()));
                numbered = repository.findPage(run, withPage(byNumber, page, null));
                walked.addAll(ranks(continued));
                expected.addAll(ranks(numbered));
            }
            assertThat(walked).as(byNumber.toString()).isEqualTo(expected).hasSize((int) numbered.total());
        }
    }

    @Test
    void aRunWhoseStoredIndexIsDamagedIsPagedFromItsRowsAllTheSame() {
        List<Recommendation> results = ShippedRules.screener().screen(SyntheticCompanies.generate(300, 5));
        ScreeningRun run = run(portfolio(results.size()), ShippedRules.ruleSet().version(), results);
        ResultQuery query = new ResultQuery(null, Segment.MODEL_PROVIDER, null, null, null, null, ResultSort.TICKER, null, 1, 20);
        List<Integer> expected = ranks(repository.findPage(run, query));

        jdbc.sql("update run_index set data = ? where run_id = ?").params(new byte[] {1, 2, 3}, run.id()).update();
        RunIndexes anotherInstance = new RunIndexes(jdbc, settings);

        assertThat(anotherInstance.of(run).page(query).total()).isEqualTo(repository.findPage(run, query).total());
        assertThat(ranks(new PortfolioRepository(jdbc, template, JsonMapper.builder().build(), anotherInstance).findPage(run, query)))
                .isNotEmpty().isEqualTo(expected).isEqualTo(offsetPage(results, query));
    }

    @Test
    void aPortfolioBeingStoredIsHiddenUntilRevealedAndAnAbandonedOneIsDiscarded() {
        Instant started = Instant.parse("2026-01-01T10:00:00Z");
        long hidden = storedPortfolio("being stored", "big.xlsx", null, 1, 0, List.of(), started);
        repository.insertCompanies(hidden, List.of(Company.builder("A", Segment.OTHER).build()));
        long runId = repository.startRun(hidden, "v1", 1, started);
        long countBefore = repository.countPortfolios();

        assertThat(repository.findPortfolio(hidden)).isEmpty();
        assertThat(repository.findPortfolios(0, 100)).extracting(StoredPortfolio::id).doesNotContain(hidden);
        assertThat(repository.findRun(hidden, runId)).isEmpty();
        assertThat(repository.deletePortfolio(hidden)).as("a user cannot delete what is not shown yet").isFalse();

        repository.finishRun(runId, RunTally.of(List.of()));
        repository.reveal(hidden);
        assertThat(repository.findPortfolio(hidden)).isPresent();
        assertThat(repository.findRun(hidden, runId)).isPresent();
        assertThat(repository.countPortfolios()).isEqualTo(countBefore + 1);

        long abandoned = storedPortfolio("abandoned", "cut.xlsx", null, 1, 0, List.of(), started);
        repository.insertCompanies(abandoned, List.of(Company.builder("B", Segment.OTHER).build()));
        long recent = storedPortfolio("still storing", "now.xlsx", null, 1, 0, List.of(), started.plusSeconds(7200));
        assertThat(repository.discardAbandoned(started.plusSeconds(3600))).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from portfolio_company where portfolio_id = ?").param(abandoned).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from portfolio where id in (?, ?)").params(hidden, recent).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aFindingWhosePointsChangedMakesTheRowDifferEvenWhenScoreBandAndRulesAreTheSame() {
        Company seller = ShippedRules.apiSeller("A", 1.6, -0.8).build();
        List<Recommendation> before = ShippedRules.screener().screen(List.of(seller, ShippedRules.neutral("C", Segment.SEMICONDUCTORS).build()));
        Recommendation a = before.get(0);
        List<com.thesisscreener.screening.Finding> moved = new ArrayList<>(a.findings());
        var first = moved.get(0);
        // Same rules, same score and band (as when two rules' points move in opposite directions): only the points differ.
        moved.set(0, new com.thesisscreener.screening.Finding(first.ruleId(), first.points() - 5, first.sentence(), first.thesis()));
        List<Recommendation> after = List.of(new Recommendation(a.ticker(), a.name(), a.segment(), a.score(), a.scoreBand(), a.band(),
                a.confidence(), moved, a.caps(), a.derived(), a.testsNotRun(), a.ruleSetVersion()), before.get(1));
        long id = portfolio(2);

        List<Recommendation[]> differing = repository.findDifferingPairs(run(id, "v1", before), run(id, "v2", after));

        assertThat(differing).singleElement().satisfies(pair -> assertThat(pair[1].findings().get(0).points()).isEqualTo(first.points() - 5));
    }

    /**
     * Ranks of a page worked out from the results themselves, the way a reader of the API would: rank by band, score
     * and ticker; keep what the filters keep; order by the key, ties by rank; reverse for the other direction; skip
     * the pages before.
     */
    private static List<Integer> offsetPage(List<Recommendation> results, ResultQuery query) {
        List<Recommendation> ranked = results.stream().sorted(Recommendation.RANKING).toList();
        Map<ResultSort, Comparator<Recommendation>> keys = Map.of(ResultSort.RANK, (a, b) -> 0, ResultSort.BAND, (a, b) -> 0,
                ResultSort.TICKER, Comparator.comparing(Recommendation::ticker),
                ResultSort.NAME, Comparator.comparing(r -> r.name() == null ? "" : r.name()),
                ResultSort.SEGMENT, Comparator.comparing(r -> r.segment().name()),
                ResultSort.SCORE, Comparator.comparingInt(Recommendation::score).reversed(),
                ResultSort.CONFIDENCE, Comparator.comparingDouble(Recommendation::confidence).reversed());
        List<Integer> ranks = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) ranks.add(i + 1);
        Comparator<Integer> natural = Comparator.<Integer, Recommendation>comparing(rank -> ranked.get(rank - 1), keys.get(query.sort()))
                .thenComparing(Comparator.naturalOrder());
        return ranks.stream()
                .filter(rank -> {
                    Recommendation r = ranked.get(rank - 1);
                    return (query.band() == null || r.band() == query.band()) && (query.segment() == null || r.segment() == query.segment())
                            && (query.minScore() == null || r.score() >= query.minScore()) && (query.maxScore() == null || r.score() <= query.maxScore())
                            && (query.minConfidence() == null || r.confidence() >= query.minConfidence())
                            && (query.maxConfidence() == null || r.confidence() <= query.maxConfidence());
                })
                .sorted(query.direction() == query.sort().naturalDirection() ? natural : natural.reversed())
                .skip(query.offset()).limit(query.size()).toList();
    }

    private static ResultQuery withPage(ResultQuery q, int page, Integer after) {
        return new ResultQuery(q.band(), q.segment(), q.minScore(), q.maxScore(), q.minConfidence(), q.maxConfidence(), q.sort(),
                q.direction(), page, q.size(), after);
    }

    private static List<Integer> ranks(ResultPage<RankedResult> page) {
        return page.items().stream().map(RankedResult::rank).toList();
    }

    private ScreeningRun run(long portfolioId, String version, List<Recommendation> results) {
        long runId = repository.insertRun(portfolioId, version, results, Instant.now());
        return repository.findRun(portfolioId, runId).orElseThrow();
    }

    private long portfolio(int rows) {
        long id = storedPortfolio("p", "p.xlsx", null, rows, 0, List.of(), Instant.now());
        repository.reveal(id);
        return id;
    }

    private static ResultQuery sorted(ResultSort sort, ResultQuery.Direction direction) {
        return new ResultQuery(null, null, null, null, null, null, sort, direction, 0, 100);
    }

    private static List<String> tickers(ResultPage<RankedResult> page) {
        return page.items().stream().map(r -> r.result().ticker()).toList();
    }

    private static List<Recommendation> samplePortfolioResults() {
        try {
            return ShippedRules.screener().screen(new PortfolioReader(ImportLimits.defaults())
                    .read(Path.of("sample-data/ai-portfolio.xlsx")).companies());
        } catch (UnreadableFileException e) {
            throw new AssertionError(e);
        }
    }

    /** A hidden portfolio described as reading its file would describe it. */
    private long storedPortfolio(String name, String fileName, String sheet, int rowsRead, int rowsRejected, List<String> ignoredColumns,
                                 Instant createdAt) {
        long id = repository.insertPortfolio(name, fileName, createdAt);
        repository.describe(id, sheet, rowsRead, rowsRejected, ignoredColumns);
        return id;
    }
}
