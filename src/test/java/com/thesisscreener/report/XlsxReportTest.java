package com.thesisscreener.report;

import static com.thesisscreener.screening.ShippedRules.apiSeller;
import static com.thesisscreener.screening.ShippedRules.neutral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Screener;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.ShippedRules;
import com.thesisscreener.screening.SwitchingCost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class XlsxReportTest {

    private static final String HYPERLINK_NAME = "=HYPERLINK(\"http://x\")";
    private static final String SUM_NAME = "+SUM(A1)";
    private static final Instant GENERATED_AT = Instant.parse("2026-03-01T09:30:00Z");

    private static Screening screening;

    @BeforeAll
    static void screenAFewCompanies() {
        Screener screener = ShippedRules.screener();
        List<Company> companies = List.of(
                neutral("NEUT", Segment.OTHER).build(),                                        // HOLD, no finding
                apiSeller("VOLX", 4.0, -0.5).build(),                                          // VOL-3X: BUY
                apiSeller("SHRK", 0.2, -0.8).proprietaryData(true).ownsCompute(true)
                        .distributionSwitchingCost(SwitchingCost.HIGH).build(),                // BUY score, VOL-SHRINK caps it at HOLD
                neutral("STRG", Segment.HYPERSCALER).proprietaryData(true).ownsCompute(true)
                        .distributionSwitchingCost(SwitchingCost.HIGH).build(),                // three anchors: STRONG_BUY
                neutral("AVDX", Segment.MODEL_PROVIDER).capexToRevenue(0.5).build(),            // MOAT-NONE: AVOID
                neutral("HYPR", Segment.OTHER).name(HYPERLINK_NAME).build(),
                apiSeller("SUMX", 1.5, null).name(SUM_NAME).build());                          // VOL-ASSUMED, VOL-SHORT: REDUCE
        List<RowProblem> problems = List.of(
                new RowProblem("Portfolio", 9, "G", "API revenue share", "=1+2", "a fraction between 0 and 1 or a percentage like 45%"),
                new RowProblem("Portfolio", 9, "C", "Segment", "", "one of Semiconductors, ... on every row"));
        screening = new Screening("portfolio.xlsx", "Portfolio", screener.ruleSetVersion(), companies.size() + 1, 1,
                RankedResults.of(screener.screen(companies)), problems, List.of("Notes"));
    }

    @Test
    void theRankedSheetHoldsTheRankingExactlyAsTheScreeningHasIt() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            assertThat(sheetNames(workbook)).containsExactly("Ranked", "Findings", "Thesis", "Problems", "About");
            Sheet ranked = workbook.getSheet("Ranked");
            assertThat(texts(ranked.getRow(0))).isEqualTo(XlsxReport.RANKED_HEADER);
            assertThat(ranked.getLastRowNum()).isEqualTo(ranked().size());
            for (int i = 0; i < ranked().size(); i++) {
                Recommendation r = ranked().get(i);
                Row row = ranked.getRow(i + 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(r.ticker());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(r.name());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(r.segment().name());
                assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(r.score());
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(r.band().name());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(r.scoreBand().name());
                assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(r.confidence());
                assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0%");
                assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(r.derived().moatAnchorCount());
                assertThat(row.getCell(12).getStringCellValue()).isEqualTo(r.derived().priceChangeAssumed() ? "yes" : "no");
            }
        }
    }

    @Test
    void theFixtureCoversEveryBandAndACap() {
        assertThat(ranked()).extracting(Recommendation::band).containsOnly(Band.values());
        assertThat(ranked()).anyMatch(r -> r.band() != r.scoreBand());
    }

    @Test
    void derivedFiguresAreNumbersAndMissingOnesAreBlank() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet ranked = workbook.getSheet("Ranked");
            Row volx = rowOf(ranked, "VOLX");
            assertThat(volx.getCell(10).getNumericCellValue()).isEqualTo(8.0);
            assertThat(volx.getCell(11).getNumericCellValue()).isCloseTo(1.5, within(1e-12));
            assertThat(volx.getCell(11).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(volx.getCell(13).getStringCellValue()).isEqualTo("VOL-3X +15");
            Row neut = rowOf(ranked, "NEUT");
            assertThat(neut.getCell(10).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(neut.getCell(11).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(rowOf(ranked, "SUMX").getCell(12).getStringCellValue()).isEqualTo("yes");
            Row shrk = rowOf(ranked, "SHRK");
            assertThat(shrk.getCell(8).getStringCellValue()).isEqualTo("VOL-SHRINK HOLD");
            assertThat(shrk.getCell(5).getStringCellValue()).isEqualTo("HOLD");
            assertThat(shrk.getCell(6).getStringCellValue()).isEqualTo("BUY");
        }
    }

    @Test
    void bandCellsAreFilledWithOneReadableColourPerBand() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet ranked = workbook.getSheet("Ranked");
            Map<Band, String> fills = new EnumMap<>(Band.class);
            for (int i = 1; i <= ranked.getLastRowNum(); i++) {
                for (int column : new int[]{5, 6}) { // the band, and the band from the score alone
                    Cell band = ranked.getRow(i).getCell(column);
                    XSSFCellStyle style = (XSSFCellStyle) band.getCellStyle();
                    String fill = style.getFillForegroundXSSFColor().getARGBHex();
                    String previous = fills.put(Band.valueOf(band.getStringCellValue()), fill);
                    assertThat(previous).as("one colour per band").isIn(null, fill);
                    assertThat(contrast(style.getFillForegroundXSSFColor(), style.getFont().getXSSFColor()))
                            .as("text on %s", band.getStringCellValue()).isGreaterThanOrEqualTo(4.5);
                }
            }
            assertThat(fills).hasSize(Band.values().length);
            assertThat(fills.values()).doesNotHaveDuplicates();
            assertThat(fills.get(Band.STRONG_BUY)).isEqualTo("FF1E6B30");
            assertThat(fills.get(Band.AVOID)).isEqualTo("FFC00000");
        }
    }

    @Test
    void theRankedSheetHasAFrozenHeaderAnAutoFilterAndSetWidths() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            XSSFSheet ranked = workbook.getSheet("Ranked");
            assertThat(ranked.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ranked.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(ranked.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:O" + (ranked().size() + 1));
            assertThat(ranked.getColumnWidth(2)).isEqualTo(28 * 256);
        }
    }

    @Test
    void theFindingsSheetHasOneRowPerFindingInRankOrder() throws IOException {
        List<List<Object>> expected = new ArrayList<>();
        for (Recommendation r : ranked()) {
            for (Finding f : r.findings()) {
                expected.add(List.of(r.ticker(), f.ruleId(), (double) f.points(), f.sentence()));
            }
        }
        assertThat(expected).hasSizeGreaterThan(5);
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet findings = workbook.getSheet("Findings");
            assertThat(texts(findings.getRow(0))).isEqualTo(XlsxReport.FINDINGS_HEADER);
            List<List<Object>> actual = IntStream.rangeClosed(1, findings.getLastRowNum()).mapToObj(findings::getRow)
                    .map(row -> List.<Object>of(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue(),
                            row.getCell(2).getNumericCellValue(), row.getCell(3).getStringCellValue()))
                    .toList();
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void theThesisSheetGivesEachPassageOnceByRuleIdInsteadOfOnEveryFindingRow() throws IOException {
        Map<String, String> expected = new java.util.TreeMap<>();
        ranked().forEach(r -> r.findings().forEach(f -> expected.put(f.ruleId(), f.thesis())));
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet thesis = workbook.getSheet("Thesis");
            assertThat(texts(thesis.getRow(0))).isEqualTo(XlsxReport.THESIS_HEADER);
            Map<String, String> actual = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= thesis.getLastRowNum(); i++) {
                actual.put(thesis.getRow(i).getCell(0).getStringCellValue(), thesis.getRow(i).getCell(1).getStringCellValue());
            }
            assertThat(actual).containsExactlyEntriesOf(expected);
            assertThat(expected.values()).allMatch(passage -> !passage.isBlank());
        }
    }

    @Test
    void formulaLikeTextIsStoredAsQuotePrefixedTextAndNoCellIsAFormula() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet ranked = workbook.getSheet("Ranked");
            for (String[] company : new String[][]{{"HYPR", HYPERLINK_NAME}, {"SUMX", SUM_NAME}}) {
                Cell name = rowOf(ranked, company[0]).getCell(2);
                assertThat(name.getCellType()).isEqualTo(CellType.STRING);
                assertThat(name.getStringCellValue()).isEqualTo(company[1]);
                assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(rowOf(ranked, "NEUT").getCell(2).getCellStyle().getQuotePrefixed()).isFalse();
            int formulaLike = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING && SafeCells.looksLikeFormula(cell.getStringCellValue())) {
                            formulaLike++;
                            assertThat(cell.getCellStyle().getQuotePrefixed()).as("%s!%s", sheet.getSheetName(), cell.getAddress())
                                    .isTrue();
                        }
                    }
                }
            }
            assertThat(formulaLike).as("the names and the problem's value").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theProblemsSheetListsEveryProblemInTheImportersOwnWords() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            Sheet problems = workbook.getSheet("Problems");
            assertThat(texts(problems.getRow(0))).isEqualTo(XlsxReport.PROBLEMS_HEADER);
            assertThat(problems.getLastRowNum()).isEqualTo(screening.problems().size());
            for (int i = 0; i < screening.problems().size(); i++) {
                RowProblem p = screening.problems().get(i);
                Row row = problems.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(p.sheet());
                assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(p.row());
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(p.column());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(p.header());
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo(p.value());
                assertThat(row.getCell(5).getStringCellValue()).isEqualTo(p.expected());
                assertThat(row.getCell(6).getStringCellValue()).isEqualTo(p.message());
            }
        }
    }

    @Test
    void anImportWithoutProblemsSaysSo() throws IOException {
        Screening clean = new Screening("p.csv", "p.csv", screening.ruleSetVersion(), 1, 0, RankedResults.of(ranked().subList(0, 1)),
                List.of(), List.of());
        try (XSSFWorkbook workbook = reopen(clean)) {
            Sheet problems = workbook.getSheet("Problems");
            assertThat(problems.getLastRowNum()).isEqualTo(1);
            assertThat(problems.getRow(1).getCell(0).getStringCellValue()).isEqualTo("no problems");
        }
    }

    @Test
    void theAboutSheetSaysWhereTheResultsCameFrom() throws IOException {
        try (XSSFWorkbook workbook = reopen(screening)) {
            Map<String, String> about = new HashMap<>();
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheet("About")) {
                if (row.getCell(1) != null) about.put(formatter.formatCellValue(row.getCell(0)), formatter.formatCellValue(row.getCell(1)));
            }
            assertThat(about).containsEntry("Source file", "portfolio.xlsx")
                    .containsEntry("Sheet", "Portfolio")
                    .containsEntry("Rule-set version", screening.ruleSetVersion())
                    .containsEntry("Generated at", "2026-03-01T09:30:00Z")
                    .containsEntry("Rows read", "8")
                    .containsEntry("Rows screened", "7")
                    .containsEntry("Rows rejected", "1")
                    .containsEntry("Ignored columns", "Notes");
            screening.bandCounts().forEach((band, count) -> assertThat(about).containsEntry(band.name(), String.valueOf(count)));
            assertThat(screening.ruleSetVersion()).isNotBlank();
        }
    }

    @Test
    void aTableLongerThanASheetContinuesOnANumberedSheet() throws IOException {
        int findings = ranked().stream().mapToInt(r -> r.findings().size()).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport.write(screening, out, GENERATED_AT, 4); // a header and three rows per sheet

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> names = sheetNames(workbook);
            assertThat(names).startsWith("Ranked", "Ranked (2)", "Ranked (3)").endsWith("Problems", "About");
            int findingRows = 0;
            for (Sheet sheet : workbook) {
                if (sheet.getSheetName().startsWith("Findings")) {
                    assertThat(texts(sheet.getRow(0))).isEqualTo(XlsxReport.FINDINGS_HEADER);
                    assertThat(sheet.getLastRowNum()).isBetween(1, 3);
                    findingRows += sheet.getLastRowNum();
                }
            }
            assertThat(findingRows).isEqualTo(findings);
            List<String> tickers = new ArrayList<>();
            for (String name : names) {
                if (name.startsWith("Ranked")) {
                    Sheet sheet = workbook.getSheet(name);
                    for (int i = 1; i <= sheet.getLastRowNum(); i++) tickers.add(sheet.getRow(i).getCell(1).getStringCellValue());
                }
            }
            assertThat(tickers).isEqualTo(ranked().stream().map(Recommendation::ticker).toList());
        }
    }

    private static List<Recommendation> ranked() {
        return screening.results().toList();
    }

    @Test
    void theCallersStreamIsLeftOpen() {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        XlsxReport.write(screening, out);
        assertThat(closed[0]).isFalse();
        assertThat(bytes.size()).isPositive();
    }

    @Test
    void everySheetAndTheWorkbookPartAreValidSpreadsheetMlByTheStandardsSchema() throws Exception {
        // The schema POI ships (poi-ooxml-lite) has every type of these parts; the styles part it cannot check whole.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport.write(screening, out, GENERATED_AT, 4); // several sheets per table, written side by side
        List<String> checked = new ArrayList<>();
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String xml = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                org.apache.xmlbeans.XmlObject part;
                if (entry.getName().startsWith("xl/worksheets/")) part = WorksheetDocument.Factory.parse(xml);
                else if (entry.getName().equals("xl/workbook.xml")) part = WorkbookDocument.Factory.parse(xml);
                else continue;
                List<org.apache.xmlbeans.XmlError> errors = new ArrayList<>();
                boolean valid = part.validate(new org.apache.xmlbeans.XmlOptions().setErrorListener(errors));
                assertThat(errors).as(entry.getName()).isEmpty();
                assertThat(valid).as(entry.getName()).isTrue();
                checked.add(entry.getName());
            }
        }
        assertThat(checked).contains("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml")
                .hasSizeGreaterThan(8);
    }

    private static XSSFWorkbook reopen(Screening screening) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxReport.write(screening, out, GENERATED_AT, 1_048_576);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        return IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static Row rowOf(Sheet sheet, String ticker) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && ticker.equals(row.getCell(1).getStringCellValue())) return row;
        }
        throw new AssertionError("no row for " + ticker);
    }

    /** WCAG contrast ratio of two colours. */
    private static double contrast(XSSFColor a, XSSFColor b) {
        double la = luminance(a.getRGB());
        double lb = luminance(b.getRGB());
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(byte[] rgb) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = (rgb[i] & 0xFF) / 255.0;
            linear[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
    }
}
