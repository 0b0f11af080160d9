package com.thesisscreener.portfolio;

import com.thesisscreener.ServiceTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.cli.SyntheticCompanies;
import com.thesisscreener.database.DatabaseTest;
import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.importing.Positions;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void aFileStoredWhileItIsReadIsTheSamePortfolioAsOneReadFirstPositionsAndProblemsIncluded(@TempDir Path folder) throws Exception {
        Path file = csv(folder, MORE_THAN_ONE_SLICE, 17);
        ImportedPortfolio readFirst = new PortfolioReader(ImportLimits.defaults()).read(file);

        PortfolioService.Read read = portfolios.readAndStore(null, file, null, ImportLimits.defaults(), PortfolioService.Progress.NONE);

        long id = read.created().portfolio().id();
        StoredPortfolio stored = portfolios.portfolio(id);
        assertThat(stored.name()).isEqualTo("large.csv");
        assertThat(stored.sheet()).isEqualTo(readFirst.sheet());
        assertThat(stored.rowsRead()).isEqualTo(MORE_THAN_ONE_SLICE);
        assertThat(stored.rowsRejected()).isEqualTo(1);
        assertThat(portfolios.companies(id)).isEqualTo(readFirst.companies());
        assertThat(portfolios.problems(id)).isEqualTo(readFirst.problems()).hasSize(1);
        assertThat(read.created().positionFigures()).isNotNull();
        assertThat(read.created().companies()).isEqualTo(MORE_THAN_ONE_SLICE - 1);
    }

    @Test
    void aFileThatTurnsOutUnreadableAfterItsFirstSliceWasStoredLeavesNothingStored(@TempDir Path folder) throws Exception {
        Path file = csv(folder, MORE_THAN_ONE_SLICE, 0);
        ImportLimits fewerRows = new ImportLimits(ImportLimits.defaults().maxFileBytes(), PortfolioRepository.SLICE_SIZE + 100,
                ImportLimits.defaults().maxCellChars(), ImportLimits.defaults().maxSharedTextBytes(), ImportLimits.defaults().maxProblems());
        Map<String, Long> rowsBefore = rowsPerTable();
        long shownBefore = portfolios.portfolioCount();

        assertThatThrownBy(() -> portfolios.readAndStore("too long", file, null, fewerRows, PortfolioService.Progress.NONE))
                .isInstanceOf(UnreadableFileException.class);

        assertThat(portfolios.portfolioCount()).isEqualTo(shownBefore);
        assertThat(rowsPerTable()).isEqualTo(rowsBefore);
    }

    /** A CSV of {@code rows} companies with a market value each; row {@code badRow} (1-based, 0: none) has a bad segment. */
    private static Path csv(Path folder, int rows, int badRow) throws IOException {
        List<String> sample = Files.readAllLines(Path.of("sample-data/ai-portfolio.csv"));
        List<String> lines = new ArrayList<>(List.of(sample.get(0)));
        for (int i = 0; i < rows; i++) {
            String[] cells = sample.get(1 + i % (sample.size() - 1)).split(",", -1);
            cells[0] = "T" + i;
            if (i + 1 == badRow) cells[2] = "NOT_A_SEGMENT";
            lines.add(String.join(",", cells));
        }
        return Files.write(folder.resolve("large.csv"), lines);
    }

    private Map<String, Long> rowsPerTable() {
        return Map.of("portfolio", count("portfolio"), "portfolio_company", count("portfolio_company"),
                "portfolio_position", count("portfolio_position"), "import_problem", count("import_problem"),
                "screening_run", count("screening_run"), "run_result", count("run_result"));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static ImportedPortfolio imported(List<Company> companies) {
        return new ImportedPortfolio("large.xlsx", "Portfolio", companies, List.of(), companies.size(), List.of(), 0, Positions.none());
    }
}
