package com.thesisscreener.cli;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code generate}: large realistic portfolios that the importer reads back without a single problem. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aGeneratedWorkbookReimportsWithZeroProblemsAndEveryColumnMapped() throws Exception {
        Path file = dir.resolve("big.xlsx");

        Run run = run("generate", "--rows", "3000", "--out", file.toString(), "--seed", "7");
        ImportedPortfolio imported = reader.read(file);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("wrote 3,000 companies to");
        assertThat(imported.sheet()).isEqualTo("Portfolio");
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.ignoredColumns()).isEmpty();
        assertThat(imported.companies()).hasSize(3000).extracting(Company::ticker).doesNotHaveDuplicates();
        assertThat(imported.companies()).extracting(Company::segment).contains(Segment.values());
        assertThat(imported.companies()).as("a few inputs are left blank").anyMatch(c -> c.capexToRevenue() == null);
    }

    @Test
    void theWorkbookUsesTheSampleHeadersAndPercentFormattedRatios() throws Exception {
        Path file = dir.resolve("small.xlsx");
        run("generate", "--rows", "20", "--out", file.toString());

        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            var sheet = workbook.getSheet("Portfolio");
            var header = sheet.getRow(0);
            String headers = Arrays.stream(GenerateCommand.XLSX_HEADERS).collect(Collectors.joining("|"));
            StringBuilder read = new StringBuilder();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                read.append(c == 0 ? "" : "|").append(header.getCell(c).getStringCellValue());
            }
            assertThat(read.toString()).isEqualTo(headers);
            assertThat(header.getLastCellNum()).isEqualTo((short) 21);
            var grossMargin = sheet.getRow(1).getCell(10);
            assertThat(grossMargin.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(new DataFormatter().formatCellValue(grossMargin)).endsWith("%");
        }
    }

    @Test
    void theCsvTwinHoldsTheSameCompaniesAsTheWorkbook() throws Exception {
        Path xlsx = dir.resolve("p.xlsx");
        Path csv = dir.resolve("p.csv");
        run("generate", "--rows", "2000", "--out", xlsx.toString(), "--seed", "3");
        run("generate", "--rows", "2000", "--out", csv.toString(), "--seed", "3");

        ImportedPortfolio fromCsv = reader.read(csv);

        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromCsv.companies()).containsExactlyElementsOf(reader.read(xlsx).companies());
    }

    @Test
    void theSameSeedGivesTheSameFile() throws Exception {
        run("generate", "--rows", "500", "--out", dir.resolve("a.csv").toString(), "--seed", "11");
        run("generate", "--rows", "500", "--out", dir.resolve("b.csv").toString(), "--seed", "11");

        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void badArgumentsGetOneLineAndExitCodeTwo() {
        Run noOut = run("generate", "--rows", "10");
        Run zero = run("generate", "--rows", "0", "--out", dir.resolve("x.xlsx").toString());
        Run format = run("generate", "--out", dir.resolve("x.ods").toString(), "--format", "ods");

        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("generate needs --out FILE").doesNotContain("Exception");
        assertThat(zero.err()).contains("--rows takes 1 to 1,048,575");
        assertThat(format.err()).contains("--format takes xlsx or csv");
    }
}
