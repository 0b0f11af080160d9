package com.thesisscreener.importing;

import com.thesisscreener.importing.Workbooks.Formatted;
import com.thesisscreener.importing.Workbooks.Formula;
import com.thesisscreener.importing.Workbooks.Pct;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxImportTest {

    private static final Object[] FRIENDLY_HEADERS = {"Ticker", "Company", "Segment", "Proprietary data",
            "Distribution switching cost", "Owns compute", "API revenue share", "Token volume growth", "Price per token change",
            "Open-source gap (months)", "Gross margin", "Gross margin change", "Revenue growth", "EV/Sales", "Market cap (USD)",
            "EU revenue share", "Single-geography fab dependency", "Hyperscaler revenue share", "Capex/Revenue",
            "Agentic production contracts", "Sovereign AI exposure"};

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    @Test
    void readsEveryFieldFromFriendlyHeaders() throws Exception {
        Path file = Workbooks.sheet("Portfolio", FRIENDLY_HEADERS,
                new Object[]{"NMBC", "Nimbara Cloud", "HYPERSCALER", "yes", "HIGH", "yes", new Pct(0.12), new Pct(4.2),
                        new Pct(-0.65), 9, new Pct(0.61), new Pct(0.02), new Pct(0.19), new Formatted(9.6, "0.0"),
                        new Formatted(2.1e12, "#,##0"), new Pct(0.19), new Pct(0.71), null, new Pct(0.34), 42, "yes"})
                .writeXlsx(dir.resolve("portfolio.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.fileName()).isEqualTo("portfolio.xlsx");
        assertThat(imported.sheet()).isEqualTo("Portfolio");
        assertThat(imported.rowsRead()).isEqualTo(1);
        assertThat(imported.rowsRejected()).isZero();
        assertThat(imported.ignoredColumns()).isEmpty();
        assertThat(imported.companies()).containsExactly(Company.builder("NMBC", Segment.HYPERSCALER)
                .name("Nimbara Cloud").proprietaryData(true).distributionSwitchingCost(SwitchingCost.HIGH).ownsCompute(true)
                .apiRevenueShare(0.12).tokenVolumeGrowth(4.2).pricePerTokenChange(-0.65).openSourceGapMonths(9.0)
                .grossMargin(0.61).grossMarginChange(0.02).revenueGrowth(0.19).evToSales(9.6).marketCapUsd(2.1e12)
                .euRevenueShare(0.19).singleGeographyFabDependency(0.71).capexToRevenue(0.34)
                .agenticProductionContracts(42).sovereignAiExposure(true).build());
    }

    @Test
    void percentFormattedCellsAreAlreadyFractionsAndDisplayRoundingIsIgnored() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "API revenue share", "EV/Sales", "Market cap"},
                        new Object[]{"A", "OTHER", new Pct(0.4567), new Formatted(23.456, "0.0"), new Formatted(1234567.891, "#,##0")})
                .writeXlsx(dir.resolve("p.xlsx"));

        Company company = reader.read(file).companies().get(0);

        assertThat(company.apiRevenueShare()).isEqualTo(0.4567);
        assertThat(company.evToSales()).isEqualTo(23.456);
        assertThat(company.marketCapUsd()).isEqualTo(1234567.891);
    }

    @Test
    void percentTextBecomesAFraction() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "API revenue %", "Token growth", "Price per token change"},
                        new Object[]{"A", "OTHER", "45%", "250%", "-60%"})
                .writeXlsx(dir.resolve("p.xlsx"));

        Company company = reader.read(file).companies().get(0);

        assertThat(company.apiRevenueShare()).isEqualTo(0.45);
        assertThat(company.tokenVolumeGrowth()).isEqualTo(2.5);
        assertThat(company.pricePerTokenChange()).isEqualTo(-0.6);
    }

    @Test
    void numbersStoredAsTextAndThousandsSeparatorsAreRead() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Market cap", "Agentic contracts", "Gross margin"},
                        new Object[]{"A", "OTHER", " 1,234,000 ", "7", "0.5"})
                .writeXlsx(dir.resolve("p.xlsx"));

        Company company = reader.read(file).companies().get(0);

        assertThat(company.marketCapUsd()).isEqualTo(1_234_000.0);
        assertThat(company.agenticProductionContracts()).isEqualTo(7);
        assertThat(company.grossMargin()).isEqualTo(0.5);
    }

    @Test
    void aShareWrittenAsAWholeNumberIsAProblemNotSilentlyDivided() throws Exception {
        Path file = Workbooks.sheet("Portfolio", new Object[]{"Ticker", "Segment", "API revenue share"},
                        new Object[]{"A", "OTHER", 45})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).isEmpty();
        assertThat(imported.problems()).singleElement().extracting(RowProblem::message).isEqualTo(
                "Sheet 'Portfolio', row 2, column C (API revenue share): '45' is not readable; "
                        + "expected a fraction between 0 and 1 or a percentage like 45%");
    }

    @Test
    void flagsComeFromWordsOrBooleanCells() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Proprietary data", "Owns compute", "Sovereign AI"},
                        new Object[]{"A", "OTHER", true, "N", 1})
                .writeXlsx(dir.resolve("p.xlsx"));

        Company company = reader.read(file).companies().get(0);

        assertThat(company.proprietaryData()).isTrue();
        assertThat(company.ownsCompute()).isFalse();
        assertThat(company.sovereignAiExposure()).isTrue();
    }

    @Test
    void formulasAreReadFromTheirCachedValue() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Capex/Revenue", "Name"},
                        new Object[]{"A", "OTHER", new Formula("0.2+0.25", "0%"), new Formula("\"Acme\"&\" Corp\"", null)})
                .writeXlsx(dir.resolve("p.xlsx"));

        Company company = reader.read(file).companies().get(0);

        assertThat(company.capexToRevenue()).isEqualTo(0.45);
        assertThat(company.name()).isEqualTo("Acme Corp");
    }

    @Test
    void emptyAndNotApplicableCellsAreMissing() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "EV/Sales", "Gross margin", "Owns compute", "Revenue growth"},
                        new Object[]{"A", "OTHER", "n/a", "-", "\u2014", null})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.companies()).containsExactly(Company.builder("A", Segment.OTHER).build());
    }

    @Test
    void excelErrorsAreProblemsButNaMeansMissing() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "EV/Sales", "Revenue growth"},
                        new Object[]{"A", "OTHER", new Workbooks.Error("NA()"), new Workbooks.Error("1/0")},
                        new Object[]{"B", "OTHER", new Workbooks.Error("NA()"), null})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("B");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.column()).isEqualTo("D");
            assertThat(problem.value()).isEqualTo("#DIV/0!");
        });
    }

    @Test
    void blankRowsAreSkippedAndNotCountedAndRowNumbersStayAsExcelShowsThem() throws Exception {
        Path file = Workbooks.sheet("P",
                        null,
                        new Object[]{"", "  "},
                        new Object[]{"Ticker", "Segment", "Gross margin"},
                        new Object[]{"A", "OTHER"},
                        null,
                        new Object[]{null, null, null},
                        new Object[]{"B", "OTHER", "oops"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.rowsRead()).isEqualTo(2);
        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("A");
        assertThat(imported.problems()).singleElement().extracting(RowProblem::row).isEqualTo(7);
    }

    @Test
    void aRowWithBadCellsIsRejectedWithAProblemForEveryBadCellWhileOtherRowsComeThrough() throws Exception {
        Path file = Workbooks.sheet("Portfolio",
                        new Object[]{"Ticker", "Name", "Sector", "API revenue share", "Owns compute", "Agentic contracts"},
                        new Object[]{"GOOD", "Good Co", "Model provider", new Pct(0.3), "yes", 2},
                        new Object[]{"BAD", "Bad Co", "Quantum", "45x", "maybe", 2.5},
                        new Object[]{"FINE", null, "other"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("GOOD", "FINE");
        assertThat(imported.rowsRead()).isEqualTo(3);
        assertThat(imported.rowsRejected()).isEqualTo(1);
        assertThat(imported.problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::header, RowProblem::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "C", "Sector", "Quantum"),
                        org.assertj.core.groups.Tuple.tuple(3, "D", "API revenue share", "45x"),
                        org.assertj.core.groups.Tuple.tuple(3, "E", "Owns compute", "maybe"),
                        org.assertj.core.groups.Tuple.tuple(3, "F", "Agentic contracts", "2.5"));
        assertThat(imported.problems().get(1).message()).isEqualTo("Sheet 'Portfolio', row 3, column D (API revenue share): "
                + "'45x' is not readable; expected a fraction between 0 and 1 or a percentage like 45%");
        assertThat(imported.problems().get(0).expected()).startsWith("one of Semiconductors, Power and cooling");
    }

    @Test
    void tickerAndSegmentAreRequiredOnEveryRow() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Name"},
                        new Object[]{null, "OTHER", "No ticker"},
                        new Object[]{"NOSEG", null, "No segment"},
                        new Object[]{"n/a", "n/a"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).isEmpty();
        assertThat(imported.problems()).extracting(RowProblem::row, RowProblem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "A"), org.assertj.core.groups.Tuple.tuple(3, "B"),
                        org.assertj.core.groups.Tuple.tuple(4, "A"), org.assertj.core.groups.Tuple.tuple(4, "B"));
        assertThat(imported.problems().get(0).message()).contains("the cell is empty; expected a ticker");
    }

    @Test
    void aDuplicateTickerIsAProblemNotAnOverwrite() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Name"},
                        new Object[]{"NVDA", "SEMICONDUCTORS", "First"},
                        new Object[]{"AMD", "SEMICONDUCTORS", "Other"},
                        new Object[]{"nvda", "SEMICONDUCTORS", "Second"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).extracting(Company::name).containsExactly("First", "Other");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(4);
            assertThat(problem.column()).isEqualTo("A");
            assertThat(problem.message()).contains("duplicate ticker, first seen on row 2");
        });
    }

    @Test
    void unknownColumnsAreIgnoredAndListedOnce() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Notes", "Ticker", "Analyst", "Segment", "Notes"},
                        new Object[]{"whatever", "A", "J. Doe", "OTHER", "more"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.ignoredColumns()).containsExactly("Notes", "Analyst");
        assertThat(imported.companies()).containsExactly(Company.builder("A", Segment.OTHER).build());
    }

    @Test
    void problemsBeyondColumnZUseExcelLetters() throws Exception {
        Object[] headers = new Object[28];
        Object[] row = new Object[28];
        headers[0] = "Ticker";
        headers[1] = "Segment";
        headers[27] = "EU revenue share";
        row[0] = "A";
        row[1] = "OTHER";
        row[27] = "lots";
        Path file = Workbooks.sheet("P", headers, row).writeXlsx(dir.resolve("p.xlsx"));

        assertThat(reader.read(file).problems()).singleElement().extracting(RowProblem::column).isEqualTo("AB");
    }

    @Test
    void takesTheFirstSheetWhoseHeaderNamesTickerAndSegment() throws Exception {
        Path file = Workbooks.sheet("Read me", new Object[]{"This workbook holds our AI book"})
                .and("Holdings", new Object[]{"Symbol", "Sector"}, new Object[]{"A", "OTHER"})
                .and("Later", new Object[]{"Ticker", "Segment"}, new Object[]{"B", "OTHER"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.sheet()).isEqualTo("Holdings");
        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("A");
    }

    @Test
    void aMissingRequiredColumnRefusesTheFile() throws Exception {
        Path file = Workbooks.sheet("Portfolio", new Object[]{"Ticker", "Name"}, new Object[]{"A", "Acme"})
                .writeXlsx(dir.resolve("p.xlsx"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("'p.xlsx': missing required column Segment (or Sector) in the header row (row 1) of sheet 'Portfolio'");
    }

    @Test
    void twoColumnsForOneFieldRefuseTheFile() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Symbol"}, new Object[]{"A", "OTHER", "B"})
                .writeXlsx(dir.resolve("p.xlsx"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("columns A (Ticker) and C (Symbol)")
                .hasMessageContaining("keep one of them");
    }

    @Test
    void aWorkbookWithoutAnyHeaderSaysSo() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Quarterly notes"}, new Object[]{"nothing to see"})
                .writeXlsx(dir.resolve("notes.xlsx"));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("'notes.xlsx': no header row found");
    }

    @Test
    void aSheetDeclaringADocumentTypeIsRefusedBeforeAnythingInItIsExpandedOrFetched() throws Exception {
        Path file = Workbooks.sheet("Portfolio", new Object[]{"Ticker", "Segment"}, new Object[]{"ACME", "OTHER"})
                .writeXlsx(dir.resolve("plain.xlsx"));
        Path hostile = withSheetXml(file, dir.resolve("entities.xlsx"), xml -> xml.replaceFirst("<worksheet",
                "<!DOCTYPE worksheet [<!ENTITY lol \"lol\"><!ENTITY host SYSTEM \"file:///etc/hostname\">]><worksheet")
                .replace(">ACME<", ">&lol;&host;<"));

        assertThatThrownBy(() -> reader.read(hostile))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("'entities.xlsx'")
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("lol");
    }

    /** A copy of an .xlsx with its first sheet's XML changed. */
    private static Path withSheetXml(Path from, Path to, java.util.function.UnaryOperator<String> change) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(from));
             var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(to))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    bytes = change.apply(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }
}
