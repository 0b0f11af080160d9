package com.thesisscreener.importing;

import com.thesisscreener.importing.UnreadableFileException.Reason;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.InputValues;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every limit ends in one clean line with a reason a caller can map to a status; streaming holds nothing. */
class LimitsTest {

    @TempDir
    Path dir;

    private static final ImportLimits DEFAULTS = ImportLimits.defaults();

    private UnreadableFileException refusal(ImportLimits limits, Path file) {
        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> new PortfolioReader(limits).read(file));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).doesNotContain("\n", "Exception", "org.apache");
        assertThat(e.fileName()).isEqualTo(file.getFileName().toString());
        return e;
    }

    @Test
    void eachWholeFileRefusalCarriesAReasonForTheCaller() throws Exception {
        Path csv = Files.writeString(dir.resolve("p.csv"), "ticker,segment\nA,OTHER\nB,OTHER\n");
        Path longCell = Files.writeString(dir.resolve("long.csv"), "ticker,segment,name\nA,OTHER," + "x".repeat(50) + "\n");
        Path noSegment = Files.writeString(dir.resolve("noseg.csv"), "ticker,name\nA,Acme\n");
        Path twice = Files.writeString(dir.resolve("twice.csv"), "ticker,segment,symbol\nA,OTHER,B\n");
        Path notes = Files.writeString(dir.resolve("notes.csv"), "just notes\n");
        Path noise = Files.write(dir.resolve("noise.xlsx"), new byte[]{7, 1, 2, 3});

        assertThat(refusal(new ImportLimits(10, 10, 100), csv).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal(new ImportLimits(1 << 20, 1, 100), csv).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal(new ImportLimits(1 << 20, 10, 20), longCell).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(refusal(DEFAULTS, noSegment).reason()).isEqualTo(Reason.MISSING_COLUMN);
        assertThat(refusal(DEFAULTS, twice).reason()).isEqualTo(Reason.DUPLICATE_COLUMN);
        assertThat(refusal(DEFAULTS, notes).reason()).isEqualTo(Reason.NO_HEADER);
        assertThat(refusal(DEFAULTS, noise).reason()).isEqualTo(Reason.NOT_A_SPREADSHEET);
        assertThat(refusal(DEFAULTS, dir.resolve("gone.xlsx")).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void aRowLimitInAWorkbookIsRefusedWithTheLimitInTheMessage() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment"}, new Object[]{"A", "OTHER"}, new Object[]{"B", "OTHER"},
                new Object[]{"C", "OTHER"}).writeXlsx(dir.resolve("p.xlsx"));

        assertThat(refusal(new ImportLimits(1 << 20, 2, 100), file).getMessage())
                .isEqualTo("'p.xlsx' is too large: more than 2 rows; split it into smaller files");
    }

    @Test
    void aSharedTextTableOverItsCapIsRefusedAsTooLargeBeforeItIsHeld() throws Exception {
        Path file = dir.resolve("strings.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = workbook.createSheet("P"); // XSSFWorkbook writes text to the shared table, as Excel does
            sheet.createRow(0).createCell(0).setCellValue("Ticker");
            sheet.getRow(0).createCell(1).setCellValue("Segment");
            for (int r = 1; r <= 200; r++) {
                sheet.createRow(r).createCell(0).setCellValue("T" + r);
                sheet.getRow(r).createCell(1).setCellValue("OTHER");
            }
            workbook.write(out);
        }
        ImportLimits smallText = new ImportLimits(1 << 20, 1000, 100, 1024, 100);

        UnreadableFileException e = refusal(smallText, file);

        assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(e.getMessage()).isEqualTo("'strings.xlsx' is too large: its shared text table unpacks to more than 1 KB");
        assertThat(new PortfolioReader(DEFAULTS).read(file).companies()).hasSize(200);
    }

    @Test
    void problemsBeyondTheLimitAreCountedButNotKept() throws Exception {
        StringBuilder csv = new StringBuilder("ticker,segment,gross margin\n");
        for (int i = 0; i < 10; i++) {
            csv.append("T").append(i).append(",OTHER,lots\n");
        }
        Path file = Files.writeString(dir.resolve("p.csv"), csv);

        ImportedPortfolio imported = new PortfolioReader(new ImportLimits(1 << 20, 100, 100, 1 << 20, 3)).read(file);

        assertThat(imported.problems()).hasSize(3);
        assertThat(imported.problemsOmitted()).isEqualTo(7);
        assertThat(imported.rowsRejected()).isEqualTo(10);
    }

    @Test
    void readEachHandsCompaniesOverInFileOrderAndKeepsOnlyTheSummary() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "ticker,segment,gross margin\nA,OTHER,0.5\nB,OTHER,bad\nC,OTHER,\n");
        List<String> seen = new ArrayList<>();

        ImportSummary summary = new PortfolioReader(DEFAULTS).readEach(file, null, company -> seen.add(company.ticker()));

        assertThat(seen).containsExactly("A", "C");
        assertThat(summary.rowsRead()).isEqualTo(3);
        assertThat(summary.companiesRead()).isEqualTo(2);
        assertThat(summary.rowsRejected()).isEqualTo(1);
        assertThat(summary.problems()).singleElement().extracting(RowProblem::row).isEqualTo(3);
    }

    @Test
    void duplicateTickersAreFoundAmongManyIgnoringCase() throws Exception {
        StringBuilder csv = new StringBuilder("ticker,segment\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("T").append(i).append(",OTHER\n");
        }
        csv.append("t4321,OTHER\n");
        Path file = Files.writeString(dir.resolve("p.csv"), csv);

        ImportedPortfolio imported = new PortfolioReader(DEFAULTS).read(file);

        assertThat(imported.companies()).hasSize(5000).extracting(Company::ticker).doesNotHaveDuplicates();
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(5002);
            assertThat(problem.expected()).contains("first seen on row 4323");
        });
    }

    @Test
    void theTickerIndexRemembersTheFirstRowOfEachTickerThroughGrowth() {
        TickerIndex index = new TickerIndex();
        for (int i = 0; i < 100_000; i++) {
            assertThat(index.firstRow("TK" + i, i + 2)).isZero();
        }

        assertThat(index.size()).isEqualTo(100_000);
        assertThat(index.firstRow("tk0", 1)).isEqualTo(2);
        assertThat(index.firstRow("TK99999", 1)).isEqualTo(100_001);
        assertThat(index.firstRow("TK100000", 1)).isZero();
    }

    @Test
    void poisProtectionsAreSetDeliberatelyWhenTheReaderLoads() {
        new PortfolioReader(DEFAULTS); // loads the class

        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(1_000);
        assertThat(IOUtils.getByteArrayMaxOverride()).isEqualTo(32 * 1024 * 1024);
    }

    @Test
    void anOverLongTickerOrNameIsARowProblemWithTheLimitsRestUsesTooWhileTheOtherRowsImport() throws Exception {
        Path file = Workbooks.sheet("Book", new Object[]{"Ticker", "Company", "Segment"},
                new Object[]{"T".repeat(64), "n".repeat(255), "OTHER"},
                new Object[]{"T".repeat(65), "Acme", "OTHER"},
                new Object[]{"B", "n".repeat(256), "OTHER"}).writeXlsx(dir.resolve("long.xlsx"));

        ImportedPortfolio imported = new PortfolioReader(DEFAULTS).read(file);

        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("T".repeat(64));
        assertThat(imported.problems()).extracting(RowProblem::row, RowProblem::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "A"), org.assertj.core.groups.Tuple.tuple(4, "B"));
        assertThat(imported.problems().get(0).message()).startsWith("Sheet 'Book', row 3, column A (Ticker): ")
                .endsWith("expected a ticker such as NVDA on every row (at most " + InputValues.TICKER_MAX_CHARS
                        + " characters, one line)");
        assertThat(imported.problems().get(1).message()).startsWith("Sheet 'Book', row 4, column B (Company): ")
                .endsWith("expected a name of at most " + InputValues.NAME_MAX_CHARS + " characters");
    }
}
