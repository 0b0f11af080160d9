package com.thesisscreener.portfolio;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ShippedRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storing a run of N results against a file H2 database in one transaction and in slices of
 * {@link PortfolioRepository#SLICE_SIZE} (each its own transaction, as the service stores them), side by side; then
 * the first and the last page by score, and the database size. Numbers only.
 *
 * <pre>
 * mvn -o -q -B -DskipTests package test-compile
 * java -Xmx512m -Dloader.path=target/test-classes -Dloader.main=com.thesisscreener.portfolio.StoreBench \
 *     -cp target/thesis-screener.jar org.springframework.boot.loader.launch.PropertiesLauncher 100000
 * </pre>
 */
public final class StoreBench {

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Recommendation> sample = ShippedRules.screener().screen(SyntheticCompanies.generate(5_000, 42));
        List<Recommendation> results = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Recommendation r = sample.get(i % sample.size());
            results.add(new Recommendation("T" + i, r.name(), r.segment(), r.score(), r.scoreBand(), r.band(), r.confidence(), r.findings(),
                    r.caps(), r.derived(), r.testsNotRun(), r.ruleSetVersion()));
        }
        System.out.printf("java %s, -Xmx%d MB, load %s%n", System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Files.readString(Path.of("/proc/loadavg")).strip());
        for (boolean sliced : List.of(false, true)) {
            Path dir = Files.createTempDirectory("store-bench");
            JdbcDataSource data = new JdbcDataSource();
            data.setURL("jdbc:h2:file:" + dir.resolve("db"));
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
            JdbcTemplate template = new JdbcTemplate(data);
            PortfolioSettings settings = new PortfolioSettings("", DataSize.ofMegabytes(20), 1_000_000, DataSize.ofMegabytes(64));
            PortfolioRepository repository = new PortfolioRepository(JdbcClient.create(template), template, JsonMapper.builder().build(),
                    new RunIndexes(JdbcClient.create(template), settings));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(data));
            long start = System.nanoTime();
            ScreeningRun run = sliced ? storeInSlices(tx, repository, results) : tx.execute(status -> {
                long id = repository.insertPortfolio("bench", "bench.xlsx", Instant.now());
                long runId = repository.insertRun(id, results.get(0).ruleSetVersion(), results, Instant.now());
                repository.reveal(id);
                return repository.findRun(id, runId).orElseThrow();
            });
            double stored = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            repository.findPage(run, ResultQuery.ranked(0, 100));
            double first = (System.nanoTime() - start) / 1e6;
            ResultQuery lastByScore = new ResultQuery(null, null, null, null, null, null, ResultSort.SCORE, null, (rows - 1) / 100, 100);
            start = System.nanoTime();
            repository.findPage(run, lastByScore);
            double last = (System.nanoTime() - start) / 1e6;
            template.execute("shutdown");
            long bytes = Files.size(dir.resolve("db.mv.db"));
            System.out.printf("%s: store %,d results %.1f s; first page %.0f ms; last page by score %.0f ms; database %.1f MB%n",
                    sliced ? "slices of " + PortfolioRepository.SLICE_SIZE : "one transaction", rows, stored, first, last, bytes / 1048576.0);
        }
    }

    private static ScreeningRun storeInSlices(TransactionTemplate tx, PortfolioRepository repository, List<Recommendation> results) {
        long id = tx.execute(status -> repository.insertPortfolio("bench", "bench.xlsx", Instant.now()));
        long runId = tx.execute(status -> repository.startRun(id, results.get(0).ruleSetVersion(), results.size(), Instant.now()));
        for (int from = 0; from < results.size(); from += PortfolioRepository.SLICE_SIZE) {
            int start = from;
            tx.executeWithoutResult(status -> repository.insertResults(runId,
                    PackedResults.of(results.subList(start, Math.min(results.size(), start + PortfolioRepository.SLICE_SIZE))), start));
        }
        tx.executeWithoutResult(status -> {
            repository.finishRun(runId, RunTally.of(results));
            repository.reveal(id);
        });
        return repository.findRun(id, runId).orElseThrow();
    }
}
