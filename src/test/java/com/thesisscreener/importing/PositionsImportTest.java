package com.thesisscreener.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.thesisscreener.report.JsonReport;
import com.thesisscreener.report.Screening;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ShippedRules;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Portfolio positions on import: weights, market values, shares x price, and the book's figures. */
class PositionsImportTest {

    /** Neutral companies: FLAT scores 50 (HOLD); FAB adds RISK-FAB (-5: 45, HOLD); CHIP adds TIER1-RERATED and RISK-FAB (35, REDUCE). */
    private static final String COLUMNS = "ticker,segment,singleGeographyFabDependency,evToSales";
    private static final String FLAT = "FLAT,OTHER,0.5,5";
    private static final String FAB = "FAB,OTHER,0.95,5";
    private static final String CHIP = "CHIP,SEMICONDUCTORS,0.95,20";

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    @Test
    void marketValuesBecomeWeightsAsSharesOfTheirTotal() throws Exception {
        ImportedPortfolio book = read(COLUMNS + ",Market value", FLAT + ",$6M", FAB + ",3000000", CHIP + ",1000000");

        assertThat(book.positions().basis()).isEqualTo(Positions.Basis.MARKET_VALUE);
        assertThat(book.positions().weight(0)).isEqualTo(0.6, within(1e-12));
        assertThat(book.positions().weight(2)).isEqualTo(0.1, within(1e-12));

        PositionFigures figures = screen(book).positions();
        // HOLD: FLAT 0.6 + FAB 0.3; REDUCE: CHIP 0.1. Score: 0.6 x 50 + 0.3 x 45 + 0.1 x 35 = 47.
        assertThat(figures.byBand()).containsEntry(Band.HOLD, 0.9).containsEntry(Band.REDUCE, 0.1).containsEntry(Band.BUY, 0.0);
        assertThat(figures.weightedScore()).isEqualTo(47.0);
        assertThat(figures.byFinding()).containsExactly(java.util.Map.entry("RISK-FAB", 0.4), java.util.Map.entry("TIER1-RERATED", 0.1));
        assertThat(figures.withoutPosition()).isZero();
        assertThat(figures.largestReduceOrAvoid()).extracting(PositionFigures.Holding::ticker).containsExactly("CHIP");
    }

    @Test
    void weightsThatDoNotSumToAHundredPercentAreNormalised() throws Exception {
        ImportedPortfolio book = read(COLUMNS + ",Weight", FLAT + ",20%", FAB + ",0.3", CHIP + ",");

        assertThat(book.positions().basis()).isEqualTo(Positions.Basis.WEIGHT);
        assertThat(book.positions().weight(0)).isEqualTo(0.4, within(1e-12));
        assertThat(book.positions().weight(1)).isEqualTo(0.6, within(1e-12));
        PositionFigures figures = screen(book).positions();
        assertThat(figures.withoutPosition()).isEqualTo(1);
        assertThat(figures.byBand()).containsEntry(Band.HOLD, 1.0).containsEntry(Band.REDUCE, 0.0);
    }

    @Test
    void sharesTimesPriceIsAMarketValue() throws Exception {
        ImportedPortfolio book = read(COLUMNS + ",Shares,Price", FLAT + ",100,$30", FAB + ",50,20", CHIP + ",,15");

        assertThat(book.positions().basis()).isEqualTo(Positions.Basis.MARKET_VALUE);
        assertThat(book.positions().given(0)).isEqualTo(3000.0);
        assertThat(book.positions().weight(1)).isEqualTo(0.25, within(1e-12));
        assertThat(book.positions().has(2)).as("a price without shares is no position").isFalse();
    }

    @Test
    void aMarketValueWinsOverSharesTimesPriceAndAWeightColumnBesideMoneyIsListedAsIgnored() throws Exception {
        ImportedPortfolio book = read(COLUMNS + ",Market value,Shares,Price,Weight", FLAT + ",1000,10,10,50%", FAB + ",,10,300,50%");

        assertThat(book.positions().given(0)).isEqualTo(1000.0);
        assertThat(book.positions().given(1)).isEqualTo(3000.0);
        assertThat(book.ignoredColumns()).containsExactly("Weight");
    }

    @Test
    void rowsWithoutAPositionAreScreenedButLeftOutOfTheFiguresAndCounted() throws Exception {
        ImportedPortfolio book = read(COLUMNS + ",Market value", FLAT + ",", FAB + ",n/a", CHIP + ",500");

        Screening screening = screen(book);

        assertThat(screening.ranked()).hasSize(3);
        assertThat(screening.positions().withoutPosition()).isEqualTo(2);
        assertThat(screening.positions().byBand()).containsEntry(Band.REDUCE, 1.0);
        assertThat(screening.positions().weightedScore()).isEqualTo(35.0);
    }

    @Test
    void badPositionsAreRowProblemsLikeAnyBadCell() throws Exception {
        ImportedPortfolio money = read(COLUMNS + ",Market value", FLAT + ",-5000", FAB + ",lots", CHIP + ",1000");
        ImportedPortfolio weights = read(COLUMNS + ",Weight", FLAT + ",150%", FAB + ",0.2", CHIP + ",-0.1");

        assertThat(money.companies()).extracting(c -> c.ticker()).containsExactly("CHIP");
        assertThat(money.problems()).extracting(RowProblem::header).containsExactly("Market value", "Market value");
        assertThat(money.problems().get(0).message()).contains("'-5000' is not readable; expected an amount in US dollars, 0 or more");
        assertThat(weights.companies()).extracting(c -> c.ticker()).containsExactly("FAB");
        assertThat(weights.problems().get(0).message()).contains("'150%' is not readable; expected a weight between 0 and 100%");
        assertThat(weights.positions().weight(0)).isEqualTo(1.0);
    }

    @Test
    void aPortfolioWithoutPositionColumnsBehavesExactlyAsBefore() throws Exception {
        ImportedPortfolio list = read(COLUMNS, FLAT, FAB, CHIP);

        Screening screening = screen(list);
        StringWriter json = new StringWriter();
        JsonReport.write(screening, json);

        assertThat(list.positions().present()).isFalse();
        assertThat(screening.positions()).isNull();
        assertThat(json.toString()).doesNotContain("positions").doesNotContain("withoutPosition");
    }

    @Test
    void theSampleWorkbookAndItsCsvTwinHoldTheSameMarketValues() throws Exception {
        ImportedPortfolio fromCsv = reader.read(Path.of("sample-data/ai-portfolio.csv"));
        ImportedPortfolio fromXlsx = reader.read(Path.of("sample-data/ai-portfolio.xlsx"));

        assertThat(fromXlsx.positions().basis()).isEqualTo(Positions.Basis.MARKET_VALUE);
        assertThat(fromXlsx.positions().withoutPosition()).isZero();
        assertThat(fromXlsx.positions()).isEqualTo(fromCsv.positions());
        assertThat(fromXlsx.ignoredColumns()).isEmpty();
    }

    private ImportedPortfolio read(String... lines) throws Exception {
        Path file = Files.writeString(dir.resolve("book.csv"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return reader.read(file);
    }

    private static Screening screen(ImportedPortfolio portfolio) {
        List<Recommendation> results = ShippedRules.screener().screen(portfolio.companies());
        return Screening.of(portfolio, results, "test");
    }
}
