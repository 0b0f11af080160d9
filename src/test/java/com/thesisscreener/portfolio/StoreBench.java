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
import tools.jackson.databind.json.JsonMapper;

/**
 * Storing a run of N results in one transaction against a file H2 database, with every sort-key index and with
 * only the rank, band and score indexes, side by side; then the first page and the database size. Numbers only.
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
        for (String variant : List.of("all sort-key indexes", "rank, band and score indexes only")) {
            Path dir = Files.createTempDirectory("store-bench");
            JdbcDataSource data = new JdbcDataSource();
            data.setURL("jdbc:h2:file:" + dir.resolve("db"));
            Flyway.configure().dataSource(data).locations("classpath:db/migration").load().migrate();
            JdbcTemplate template = new JdbcTemplate(data);
            if (variant.startsWith("rank")) {
                for (String index : List.of("run_result_segment", "run_result_confidence", "run_result_ticker", "run_result_name")) {
                    template.execute("drop index " + index);
                }
            }
            PortfolioRepository repository = new PortfolioRepository(JdbcClient.create(template), template, JsonMapper.builder().build());
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(data));
            long start = System.nanoTime();
            ScreeningRun run = tx.execute(status -> {
                long id = repository.insertPortfolio("bench", "bench.xlsx", null, rows, 0, List.of(), Instant.now());
                long runId = repository.insertRun(id, results.get(0).ruleSetVersion(), results, Instant.now());
                return repository.findRun(id, runId).orElseThrow();
            });
            double stored = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            repository.findPage(run, ResultQuery.ranked(0, 100));
            double page = (System.nanoTime() - start) / 1e6;
            template.execute("shutdown");
            long bytes = Files.size(dir.resolve("db.mv.db"));
            System.out.printf("%s: store %,d results in one transaction %.1f s; first page %.0f ms; database %.1f MB%n", variant, rows,
                    stored, page, bytes / 1048576.0);
        }
    }
}
