package com.thesisscreener.importing;

import com.thesisscreener.importing.UnreadableFileException.Reason;
import com.thesisscreener.importing.Workbooks.Formatted;
import com.thesisscreener.importing.Workbooks.Pct;
import com.thesisscreener.importing.Workbooks.StaleFormula;
import com.thesisscreener.screening.Company;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Real analysts' layouts: title rows, notes, several sheets, a chosen sheet, money words, dates, stale formulas. */
class LayoutTest {

    @TempDir
    Path dir;

    private final PortfolioReader reader = new PortfolioReader(ImportLimits.defaults());

    private static final Object[] HEADER = {"Ticker", "Company", "Segment", "Market cap (USD)", "Gross margin"};

    private static Workbooks titledBook() {
        return Workbooks.sheet("Book",
                        new Object[]{"AI infrastructure book \u2014 Q3 review"},
                        new Object[]{"Figures in US dollars; ratios as fractions. Prepared by the desk."},
                        null,
                        new Object[]{null, null, "Moat", null, "Economics"},
                        HEADER,
                        new Object[]{"NMBC", "Nimbara Cloud", "Hyperscaler", new Formatted(2.1e12, "#,##0"), new Pct(0.61)},
                        new Object[]{"VRSP", "Veridian Sparrow", "Model provider", "350M", "lots"})
                .merge("Book", "A1:E1")
                .merge("Book", "A2:E2");
    }

    @Test
    void titleRowsNotesMergedBannersAndBlankRowsAboveTheHeaderAreSkipped() throws Exception {
        ImportedPortfolio imported = reader.read(titledBook().writeXlsx(dir.resolve("book.xlsx")));

        assertThat(imported.sheet()).isEqualTo("Book");
        assertThat(imported.rowsRead()).isEqualTo(2);
        assertThat(imported.companies()).extracting(Company::ticker).containsExactly("NMBC");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).as("row numbers stay as Excel shows them").isEqualTo(7);
            assertThat(problem.column()).isEqualTo("E");
        });
    }

    @Test
    void titleRowsAboveTheHeaderAreSkippedInXlsAndCsvToo() throws Exception {
        Path xls = titledBook().writeXls(dir.resolve("book.xls"));
        Path csv = Files.writeString(dir.resolve("book.csv"),
                "AI book Q3,,,\nratios as fractions,,,\n,,,\nTicker,Segment,Gross margin\nA,Other,0.5\n");

        assertThat(reader.read(xls).companies()).extracting(Company::ticker).containsExactly("NMBC");
        assertThat(reader.read(csv).companies()).containsExactly(Company.builder("A", com.thesisscreener.screening.Segment.OTHER)
                .grossMargin(0.5).build());
    }

    @Test
    void aHeaderBuriedBelowTheFirstHundredFilledRowsIsNotSearchedFor() throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PortfolioAssembler.HEADER_SCAN_ROWS; i++) {
            rows.add(new Object[]{"note " + i});
        }
        rows.add(new Object[]{"Ticker", "Segment"});
        rows.add(new Object[]{"A", "OTHER"});
        Path file = Workbooks.sheet("Notes", rows.toArray(Object[][]::new)).writeXlsx(dir.resolve("notes.xlsx"));

        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> reader.read(file));

        assertThat(e.reason()).isEqualTo(Reason.NO_HEADER);
        assertThat(e.getMessage()).startsWith("'notes.xlsx': no header row found");
    }

    @Test
    void theRightSheetIsFoundAmongCoverSummaryAndHoldingsSheets() throws Exception {
        Workbooks book = Workbooks.sheet("Cover", new Object[]{"Quarterly AI book"}, new Object[]{"Confidential"})
                .and("Summary", new Object[]{"Ticker", "Weight"}, new Object[]{"A", "12%"})
                .and("Holdings", new Object[]{"Portfolio as of 30 September"}, null, new Object[]{"Symbol", "Sector", "Name"},
                        new Object[]{"A", "OTHER", "Acme"}, new Object[]{"B", "Hyperscaler", "Beta"});

        for (Path file : List.of(book.writeXlsx(dir.resolve("book.xlsx")), book.writeXls(dir.resolve("book.xls")))) {
            ImportedPortfolio imported = reader.read(file);

            assertThat(imported.sheet()).as(file.toString()).isEqualTo("Holdings");
            assertThat(imported.companies()).extracting(Company::ticker).containsExactly("A", "B");
        }
    }

    @Test
    void theSheetTheCallerNamesIsReadEvenWhenAnEarlierSheetHoldsAPortfolioToo() throws Exception {
        Workbooks book = Workbooks.sheet("Q2", new Object[]{"Ticker", "Segment"}, new Object[]{"OLD", "OTHER"})
                .and("Q3", new Object[]{"Ticker", "Segment"}, new Object[]{"NEW", "OTHER"});

        for (Path file : List.of(book.writeXlsx(dir.resolve("book.xlsx")), book.writeXls(dir.resolve("book.xls")))) {
            assertThat(reader.read(file).companies()).extracting(Company::ticker).containsExactly("OLD");
            assertThat(reader.read(file, "Q3").companies()).extracting(Company::ticker).containsExactly("NEW");
            assertThat(reader.read(file, " q3 ").sheet()).as("case and spaces are forgiven").isEqualTo("Q3");
        }
    }

    @Test
    void anUnknownSheetNameIsRefusedWithTheSheetsTheWorkbookHas() throws Exception {
        Workbooks book = Workbooks.sheet("Q2", new Object[]{"Ticker", "Segment"}).and("Q3", new Object[]{"Ticker", "Segment"});

        for (Path file : List.of(book.writeXlsx(dir.resolve("book.xlsx")), book.writeXls(dir.resolve("book.xls")))) {
            UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> reader.read(file, "Q4"));

            assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SHEET);
            assertThat(e.getMessage()).isEqualTo("'" + file.getFileName() + "': no sheet named 'Q4'; its sheets are 'Q2', 'Q3'");
        }
    }

    @Test
    void aNamedSheetWithoutAHeaderSaysWhichSheetWasSearched() throws Exception {
        Path file = Workbooks.sheet("Data", new Object[]{"Ticker", "Segment"}, new Object[]{"A", "OTHER"})
                .and("Chart", new Object[]{"see chart"})
                .writeXlsx(dir.resolve("book.xlsx"));

        UnreadableFileException e = catchThrowableOfType(UnreadableFileException.class, () -> reader.read(file, "Chart"));

        assertThat(e.reason()).isEqualTo(Reason.NO_HEADER);
        assertThat(e.getMessage()).startsWith("'book.xlsx': no header row found on sheet 'Chart'");
    }

    @Test
    void aCsvFileHasNoSheetsSoASheetNameIsIgnored() throws Exception {
        Path file = Files.writeString(dir.resolve("p.csv"), "ticker,segment\nA,OTHER\n");

        assertThat(reader.read(file, "Portfolio").companies()).hasSize(1);
    }

    @Test
    void moneyColumnsReadScaleSuffixesCurrencySignsAndThousandsSeparators() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Market cap (USD)"},
                        new Object[]{"A", "OTHER", "1.2B"},
                        new Object[]{"B", "OTHER", "350M"},
                        new Object[]{"C", "OTHER", "$2.5bn"},
                        new Object[]{"D", "OTHER", "US$ 1,250,000"},
                        new Object[]{"E", "OTHER", " $640 billion "},
                        new Object[]{"F", "OTHER", "\u20ac2B"})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.companies()).extracting(Company::marketCapUsd)
                .containsExactly(1_200_000_000.0, 350_000_000.0, 2_500_000_000.0, 1_250_000.0, 640_000_000_000.0);
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.value()).isEqualTo("\u20ac2B");
            assertThat(problem.expected()).as("another currency is refused, not silently taken as dollars")
                    .startsWith("an amount in US dollars");
        });
    }

    @Test
    void datesAreTextSoANumberColumnRefusesThemAndAnIgnoredColumnDoesNotCare() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "As of", "Market cap", "Name"},
                        new Object[]{"A", "OTHER", new Workbooks.Date(LocalDate.of(2025, 9, 30)), null,
                                new Workbooks.Date(LocalDate.of(2025, 9, 30))},
                        new Object[]{"B", "OTHER", null, new Workbooks.Date(LocalDate.of(2025, 9, 30))})
                .writeXlsx(dir.resolve("p.xlsx"));

        ImportedPortfolio imported = reader.read(file);

        assertThat(imported.ignoredColumns()).containsExactly("As of");
        assertThat(imported.companies()).singleElement().extracting(Company::name).isEqualTo("2025-09-30");
        assertThat(imported.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isEqualTo(3);
            assertThat(problem.value()).as("not the day count 45930").isEqualTo("2025-09-30");
        });
    }

    @Test
    void formulasAreNeverEvaluatedOnlyTheirCachedValuesAreRead() throws Exception {
        // The cached values differ from what evaluating gives: reading them proves nothing was evaluated. (Links to
        // other workbooks are covered by the corpus files link-external-workbook-a.xlsx and external_name.xls.)
        Workbooks book = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Gross margin", "Capex/Revenue"},
                new Object[]{"A", "OTHER", new StaleFormula("1+1", 0.5), new StaleFormula("C2*100", 0.25)});

        for (Path file : List.of(book.writeXlsx(dir.resolve("p.xlsx")), book.writeXls(dir.resolve("p.xls")))) {
            Company company = reader.read(file).companies().get(0);

            assertThat(company.grossMargin()).as(file.toString()).isEqualTo(0.5);
            assertThat(company.capexToRevenue()).isEqualTo(0.25);
        }
    }

    @Test
    void xlsNumbersPercentCellsAndFlagsReadLikeXlsx() throws Exception {
        Workbooks book = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "API revenue share", "Owns compute", "EV/Sales",
                        "Agentic contracts", "Market cap"},
                new Object[]{"A", "Model provider", new Pct(0.4567), 1, new Formatted(23.456, "0.0"), 3, new Formatted(1.5e9, "#,##0")});

        Company fromXls = reader.read(book.writeXls(dir.resolve("p.xls"))).companies().get(0);
        Company fromXlsx = reader.read(book.writeXlsx(dir.resolve("p.xlsx"))).companies().get(0);

        assertThat(fromXls).isEqualTo(fromXlsx);
        assertThat(fromXls.apiRevenueShare()).isEqualTo(0.4567);
        assertThat(fromXls.ownsCompute()).isTrue();
        assertThat(fromXls.evToSales()).isEqualTo(23.456);
        assertThat(fromXls.agenticProductionContracts()).isEqualTo(3);
    }

    @Test
    void aPercentFormattedCellIsNotACountAndAWholeNumberShareIsStillRefused() throws Exception {
        Path file = Workbooks.sheet("P", new Object[]{"Ticker", "Segment", "Agentic contracts", "EU revenue share"},
                        new Object[]{"A", "OTHER", new Pct(0.03), 45})
                .writeXlsx(dir.resolve("p.xlsx"));

        assertThat(reader.read(file).problems()).extracting(RowProblem::column, RowProblem::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C", "3%"), org.assertj.core.groups.Tuple.tuple("D", "45"));
    }
}
