package com.thesisscreener.portfolio.store;

import com.thesisscreener.database.DatabaseTest;
import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.ShippedRules;
import com.thesisscreener.screening.SwitchingCost;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@DatabaseTest
@JdbcTest
@Import({PortfolioRepository.class, PortfolioRepositoryTest.Json.class})
class PortfolioRepositoryTest {

    static class Json {
        @org.springframework.context.annotation.Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }

    @Autowired
    PortfolioRepository repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void companiesComeBackWithEveryFieldAndEveryGapAsStored() {
        Company full = ShippedRules.apiSeller("FULL", 1.6, -0.8).distributionSwitchingCost(SwitchingCost.HIGH)
                .agenticProductionContracts(3).sovereignAiExposure(true).build();
        Company sparse = Company.builder("SPARSE", Segment.DATA_CENTER_REIT).build();
        long id = repository.insertPortfolio("p", "p.xlsx", "Portfolio", 2, 0, List.of(), Instant.now());

        repository.insertCompanies(id, List.of(full, sparse));

        assertThat(repository.findCompanies(id)).containsExactly(full, sparse);
    }

    @Test
    void aStoredRunExplainsItselfWithoutRunningTheRulesAgain() {
        List<Recommendation> results = ShippedRules.screener().screen(List.of(
                ShippedRules.apiSeller("A", 1.6, -0.8).build(), ShippedRules.neutral("B", Segment.SEMICONDUCTORS).build()));
        long id = repository.insertPortfolio("p", "p.xlsx", null, 2, 0, List.of("Notes"), Instant.now());

        long runId = repository.insertRun(id, "abc123", results, Instant.now());

        assertThat(repository.findResults(runId, null, null)).isEqualTo(results);
        assertThat(repository.findResults(runId, Band.HOLD, Segment.SEMICONDUCTORS)).extracting(Recommendation::ticker).containsExactly("B");
        assertThat(repository.findPortfolio(id).orElseThrow().ignoredColumns()).containsExactly("Notes");
    }

    @Test
    void largePortfoliosAreWrittenInBatches() {
        List<Company> companies = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) companies.add(Company.builder("T" + i, Segment.OTHER).revenueGrowth(i / 1000.0).build());
        long id = repository.insertPortfolio("big", "big.csv", null, companies.size(), 0, List.of(), Instant.now());

        repository.insertCompanies(id, companies);

        assertThat(repository.findCompanies(id)).hasSize(2_500).first().isEqualTo(companies.get(0));
    }

    @Test
    void deletingAPortfolioRemovesItsRowsProblemsRunsAndResults() {
        long id = repository.insertPortfolio("p", "p.csv", null, 2, 1, List.of(), Instant.now());
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
}
