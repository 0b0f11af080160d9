package com.thesisscreener.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thesisscreener.report.XlsxStream.Layout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxStreamTest {

    private static final Layout PLAIN_LAYOUT = new Layout(new int[]{20}, 0, 0);

    @Test
    void everyTextReadsBackExactlyEvenWhereXmlOrExcelWouldChangeIt() throws IOException {
        List<String> texts = List.of(
                "carriage\r\nreturn", "tab\tand\nline feed", "bell\u0007 and nul\u0000", "_x0041_ stays as typed",
                "_x00", "a_b_c", "  leading and trailing  ", "<tag> & \"quotes\" 'apostrophes'",
                "Zürich, 東京, emoji \uD83D\uDCC8", "non-character \uFFFF");
        try (XSSFWorkbook workbook = oneSheetReadBack(sheet -> {
            for (int i = 0; i < texts.size(); i++) sheet.row(i).text(0, texts.get(i), CellLook.PLAIN);
        })) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(sheet.getRow(i).getCell(0).getStringCellValue()).as("row %d", i).isEqualTo(texts.get(i));
            }
        }
    }

    @Test
    void aLoneSurrogateWhichIsNoCharacterBecomesTheReplacementCharacter() throws IOException {
        try (XSSFWorkbook workbook = oneSheetReadBack(sheet -> sheet.row(0).text(0, "half \uD83D of a pair", CellLook.PLAIN))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("half \uFFFD of a pair");
        }
    }

    @Test
    void numbersKeepTheirExactValueAndOnesNoSpreadsheetHoldsShowAsAnError() throws IOException {
        List<Double> numbers = List.of(1.0, -0.5, 2.401, 1e-7, 123456789012345.0, 1.0E20, 0.1 + 0.2);
        try (XSSFWorkbook workbook = oneSheetReadBack(sheet -> {
            for (int i = 0; i < numbers.size(); i++) sheet.row(i).number(0, numbers.get(i), CellLook.PLAIN);
            sheet.row(numbers.size()).number(0, Double.NaN, CellLook.PLAIN);
            sheet.row(numbers.size() + 1).number(0, null, CellLook.number("0%"));
        })) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(sheet.getRow(i).getCell(0).getNumericCellValue()).as("row %d", i).isEqualTo(numbers.get(i));
            }
            assertThat(sheet.getRow(numbers.size()).getCell(0).getErrorCellValue()).isEqualTo(FormulaError.NUM.getCode());
            assertThat(sheet.getRow(numbers.size() + 1).getCell(0).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(numbers.size() + 1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("0%");
        }
    }

    @Test
    void theClientReceivesTheWorkbookWhileItIsStillBeingWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxStream book = new XlsxStream(out)) {
            XlsxStream.Sheet sheet = book.sheet("Rows", 0, PLAIN_LAYOUT);
            for (int i = 0; i < 20_000; i++) sheet.row(i).text(0, "company " + i + " of a long portfolio", CellLook.PLAIN);

            assertThat(out.size()).as("bytes sent before the sheet ends").isGreaterThan(10_000);
            sheet.end(0);
            book.finish();
        }
    }

    @Test
    void sheetsWrittenSideBySideAreListedInTheOrderAsked() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxStream book = new XlsxStream(out)) {
            XlsxStream.Sheet first = book.sheet("First", 0, PLAIN_LAYOUT);
            XlsxStream.Sheet second = book.sheet("Second", 1, PLAIN_LAYOUT);
            for (int i = 0; i < 3; i++) {
                first.row(i).number(0, i, CellLook.PLAIN);
                second.row(i).number(0, 10 + i, CellLook.PLAIN);
            }
            second.end(1);
            XlsxStream.Sheet firstContinued = book.sheet("First (2)", 0, PLAIN_LAYOUT);
            firstContinued.row(0).number(0, 3, CellLook.PLAIN);
            firstContinued.end(1);
            first.end(1);
            book.finish();
        }

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("First", "First (2)", "Second");
            assertThat(workbook.getSheet("Second").getRow(2).getCell(0).getNumericCellValue()).isEqualTo(12);
            assertThat(workbook.getSheet("First (2)").getRow(0).getCell(0).getNumericCellValue()).isEqualTo(3);
            assertThat(workbook.getSheet("Second").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:A3");
        }
    }

    @Test
    void aWorkbookAbandonedHalfWayOrFinishedLeavesNoTemporaryFileBehind() throws IOException {
        long before = temporarySheets();
        try (XlsxStream book = new XlsxStream(new ByteArrayOutputStream())) {
            XlsxStream.Sheet streamed = book.sheet("Streamed", 0, PLAIN_LAYOUT);
            XlsxStream.Sheet buffered = book.sheet("Buffered", 1, PLAIN_LAYOUT);
            streamed.row(0).text(0, "a", CellLook.PLAIN);
            buffered.row(0).text(0, "b", CellLook.PLAIN);
            assertThat(temporarySheets()).as("the second sheet is deflated ahead into a file").isEqualTo(before + 1);
        }
        assertThat(temporarySheets()).as("after an abandoned workbook").isEqualTo(before);

        try (XlsxStream book = new XlsxStream(new ByteArrayOutputStream())) {
            XlsxStream.Sheet streamed = book.sheet("Streamed", 0, PLAIN_LAYOUT);
            XlsxStream.Sheet buffered = book.sheet("Buffered", 1, PLAIN_LAYOUT);
            buffered.row(0).text(0, "b", CellLook.PLAIN);
            buffered.end(1);
            streamed.end(1);
            book.finish();
        }
        assertThat(temporarySheets()).as("after a finished workbook").isEqualTo(before);
    }

    private static long temporarySheets() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("thesis-screener-sheet")).count();
        }
    }

    @Test
    void rowsGoForwardOnly() {
        try (XlsxStream book = new XlsxStream(new ByteArrayOutputStream())) {
            XlsxStream.Sheet sheet = book.sheet("Rows", 0, PLAIN_LAYOUT);
            sheet.row(3);

            assertThatThrownBy(() -> sheet.row(3)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** A workbook of one sheet filled by {@code rows}, written and opened again with POI. */
    private static XSSFWorkbook oneSheetReadBack(java.util.function.Consumer<XlsxStream.Sheet> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxStream book = new XlsxStream(out)) {
            XlsxStream.Sheet sheet = book.sheet("Values", 0, PLAIN_LAYOUT);
            rows.accept(sheet);
            sheet.end(0);
            book.finish();
        }
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void columnsAreNamedAsExcelNamesThem() {
        assertThat(List.of(XlsxStream.column(0), XlsxStream.column(25), XlsxStream.column(26), XlsxStream.column(701),
                XlsxStream.column(702))).containsExactly("A", "Z", "AA", "ZZ", "AAA");
    }
}
