package com.thesisscreener.cli;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code screen --sheet NAME}: the analyst picks the sheet of a workbook holding several portfolios. */
class ScreenSheetOptionTest {

    @TempDir
    Path dir;

    private Path book;

    @BeforeEach
    void twoQuarters() throws Exception {
        book = dir.resolve("quarters.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(book)) {
            String[][] tickers = {{"Q2", "OLDC"}, {"Q3", "NEWC"}};
            for (String[] quarter : tickers) {
                var sheet = workbook.createSheet(quarter[0]);
                sheet.createRow(0).createCell(0).setCellValue("Book for " + quarter[0]); // a title row above the header
                var header = sheet.createRow(2);
                header.createCell(0).setCellValue("Ticker");
                header.createCell(1).setCellValue("Segment");
                var row = sheet.createRow(3);
                row.createCell(0).setCellValue(quarter[1]);
                row.createCell(1).setCellValue("Hyperscaler");
            }
            workbook.write(out);
        }
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[]{Integer.toString(exit), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theNamedSheetIsScreenedAndAnUnknownOneIsRefusedWithTheSheetsListed() {
        String[] q3 = run("screen", book.toString(), "--sheet", "Q3", "--format", "csv");
        String[] missing = run("screen", book.toString(), "--sheet", "Q4");

        assertThat(q3[0]).isEqualTo("0");
        assertThat(q3[1]).contains("NEWC").doesNotContain("OLDC");
        assertThat(missing[0]).isEqualTo("2");
        assertThat(missing[2].strip()).isEqualTo("screener: 'quarters.xlsx': no sheet named 'Q4'; its sheets are 'Q2', 'Q3'");
    }
}
