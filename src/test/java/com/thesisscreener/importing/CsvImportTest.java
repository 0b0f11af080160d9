package com.thesisscreener.importing;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvImportTest {

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    private Path csv(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() throws Exception {
        Path file = csv("p.csv", "ticker,name,segment,marketCapUsd\r\n"
                + "A,\"Acme, Inc.\",OTHER,\"1,234,000\"\r\n"
                + "B,\"The \"\"Best\"\" Co\",OTHER,\n"
                + "C,\"Two\nLines\",OTHER,5");

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.sheet()).isEqualTo("p.csv");
        assertThat(imported.companies()).extracting(Company::name).containsExactly("Acme, Inc.", "The \"Best\" Co", "Two\nLines");
        assertThat(imported.companies().get(0).marketCapUsd()).isEqualTo(1_234_000.0);
    }

    @Test
    void rowNumbersCountRecordsNotPhysicalLines() throws Exception {
        Path file = csv("p.csv", "ticker,name,segment\nA,\"multi\nline\",OTHER\nB,x,NOPE\n");

        assertThat(reader.read(file).problems()).singleElement().extracting(RowProblem::row).isEqualTo(3);
    }

    @Test
    void semicolonDelimiterIsDetectedFromTheHeaderAndDecimalCommasAreRead() throws Exception {
        Path file = csv("p.csv", "Ticker;Segment;Gross margin;EV/Sales\nA;Other;0,45;12,5\n");

        assertThat(reader.read(file).companies()).containsExactly(
                Company.builder("A", Segment.OTHER).grossMargin(0.45).evToSales(12.5).build());
    }

    @Test
    void tabSeparatedTextIsReadToo() throws Exception {
        Path file = csv("p.txt", "Ticker\tSegment\tName\nA\tOther\tAcme, Inc.\n");

        assertThat(reader.read(file).companies()).extracting(Company::name).containsExactly("Acme, Inc.");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws Exception {
        Path file = csv("p.csv", "\uFEFFticker,segment,name\nA,OTHER,Zürich AG\n");

        assertThat(reader.read(file).companies()).extracting(Company::name).containsExactly("Zürich AG");
    }

    @Test
    void windows1252TextFromExcelIsReadWhenTheFileIsNotUtf8() throws Exception {
        Path file = Files.write(dir.resolve("p.csv"), "ticker,segment,name\nA,OTHER,Zürich AG\n".getBytes(Charset.forName("windows-1252")));

        assertThat(reader.read(file).companies()).extracting(Company::name).containsExactly("Zürich AG");
    }

    @Test
    void cellsAreTrimmedAndBlankLinesSkipped() throws Exception {
        Path file = csv("p.csv", "\n  Ticker , Segment , API revenue % \n\n  A  ,  other , 45 % \n,,\n");

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.rowsRead()).isEqualTo(1);
        assertThat(imported.companies()).containsExactly(Company.builder("A", Segment.OTHER).apiRevenueShare(0.45).build());
    }

    @Test
    void problemsNameTheFileAsTheSheetAndUseColumnLetters() throws Exception {
        Path file = csv("book.csv", "ticker,segment,apiRevenueShare\nA,OTHER,45x\n");

        assertThat(reader.read(file).problems()).singleElement().extracting(RowProblem::message).isEqualTo(
                "Sheet 'book.csv', row 2, column C (apiRevenueShare): '45x' is not readable; "
                        + "expected a fraction between 0 and 1 or a percentage like 45%");
    }

    @Test
    void aQuoteThatIsNeverClosedRefusesTheFile() throws Exception {
        Path file = csv("p.csv", "ticker,segment,name\nA,OTHER,\"Acme\nB,OTHER,Beta\n");

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("'p.csv': the quoted value starting on row 2 is never closed; check the quotes in that row");
    }

    @Test
    void anEmptyFileHasNoHeaderRow() throws Exception {
        Path file = csv("p.csv", "");

        assertThatThrownBy(() -> reader.read(file)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("'p.csv': no header row found");
    }

    @Test
    void theSampleCsvAndXlsxGiveTheSameThirtyTwoCompanies() throws Exception {
        ImportedPortfolio fromCsv = reader.read(Path.of("sample-data/ai-portfolio.csv"));
        ImportedPortfolio fromXlsx = reader.read(Path.of("sample-data/ai-portfolio.xlsx"));

        assertThat(fromCsv.problems()).isEmpty();
        assertThat(fromXlsx.problems()).isEmpty();
        assertThat(fromCsv.companies()).hasSize(32);
        assertThat(fromXlsx.companies()).containsExactlyElementsOf(fromCsv.companies());
    }
}
