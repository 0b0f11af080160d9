package com.thesisscreener.portfolio;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.database.DatabaseTest;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.Positions;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Uploads and re-runs larger than one slice: stored whole and then shown, or not at all. */
@DatabaseTest
@ServiceTest
class SlicedStorageTest {

    static final int MORE_THAN_ONE_SLICE = PortfolioRepository.SLICE_SIZE + 700;

    @Autowired
    PortfolioService portfolios;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadThatFailsInTheMiddleOfStoringLeavesNoPortfolioVisibleOrStored() {
        List<Company> companies = new ArrayList<>(SyntheticCompanies.generate(MORE_THAN_ONE_SLICE, 5));
        // A ticker longer than the column: the second slice of rows fails after the first was committed.
        companies.set(PortfolioRepository.SLICE_SIZE + 100, Company.builder("T".repeat(65), Segment.OTHER).build());
        Map<String, Long> rowsBefore = rowsPerTable();
        long shownBefore = portfolios.portfolioCount();

        assertThatThrownBy(() -> portfolios.store("cut in the middle", imported(companies))).isInstanceOf(RuntimeException.class);

        assertThat(portfolios.portfolioCount()).isEqualTo(shownBefore);
        assertThat(rowsPerTable()).isEqualTo(rowsBefore);
    }

    @Test
    void anUploadAndARerunLargerThanOneSliceAreStoredWholeAndShown() {
        List<Company> companies = SyntheticCompanies.generate(MORE_THAN_ONE_SLICE, 9);

        PortfolioService.Created created = portfolios.store("large", imported(companies));
        ScreeningRun second = portfolios.rerun(created.portfolio().id());

        assertThat(portfolios.portfolio(created.portfolio().id()).rowsRead()).isEqualTo(MORE_THAN_ONE_SLICE);
        assertThat(portfolios.companies(created.portfolio().id())).isEqualTo(companies);
        for (ScreeningRun run : List.of(created.run(), second)) {
            ResultPage<RankedResult> last = portfolios.results(run, ResultQuery.ranked((MORE_THAN_ONE_SLICE - 1) / 100, 100));
            assertThat(last.total()).isEqualTo(MORE_THAN_ONE_SLICE);
            assertThat(last.items()).extracting(RankedResult::rank).last().isEqualTo(MORE_THAN_ONE_SLICE);
        }
        assertThat(portfolios.diff(created.portfolio().id(), second.id(), created.run().id()).unchanged()).isEqualTo(MORE_THAN_ONE_SLICE);
    }

    private Map<String, Long> rowsPerTable() {
        return Map.of("portfolio", count("portfolio"), "portfolio_company", count("portfolio_company"),
                "screening_run", count("screening_run"), "run_result", count("run_result"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static ImportedPortfolio imported(List<Company> companies) {
        return new ImportedPortfolio("large.xlsx", "Portfolio", companies, List.of(), companies.size(), List.of(), 0, Positions.none());
    }
}
