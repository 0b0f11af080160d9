package com.thesisscreener.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportTemplateTest {

    private static final Path SAMPLE = Path.of("sample-data", "ai-portfolio.xlsx");

    @TempDir
    Path dir;

    @Test
    void theHeadersAreExactlyThoseOfTheSampleWorkbook() throws IOException {
        List<String> sampleHeaders;
        try (InputStream in = Files.newInputStream(SAMPLE); XSSFWorkbook sample = new XSSFWorkbook(in)) {
            sampleHeaders = headers(sample.getSheet("Portfolio"));
        }
        try (XSSFWorkbook template = template()) {
            assertThat(template.getSheetName(0)).isEqualTo("Portfolio");
            assertThat(headers(template.getSheet("Portfolio"))).hasSize(22).endsWith("Market value").isEqualTo(sampleHeaders);
            assertThat(template.getSheet("Portfolio").getLastRowNum()).as("only the header row exists").isZero();
        }
    }

    @Test
    void everyHeaderCarriesANoteOnMeaningAndUnit() throws IOException {
        try (XSSFWorkbook template = template()) {
            Row header = template.getSheet("Portfolio").getRow(0);
            for (Cell cell : header) {
                assertThat(cell.getCellComment()).as(cell.getStringCellValue()).isNotNull();
                String note = cell.getCellComment().getString().getString();
                assertThat(note).startsWith(cell.getStringCellValue() + ": ").contains("\n");
                assertThat(note.length()).isGreaterThan(cell.getStringCellValue().length() + 30);
            }
            assertThat(header.getCell(6).getCellComment().getString().getString()).contains("Percentage", "0% to 100%");
            assertThat(header.getCell(2).getCellComment().getString().getString()).contains("MODEL_PROVIDER", "required");
        }
    }

    @Test
    void segmentSwitchingCostAndTheFlagsHaveDropDownsOverTenThousandRows() throws IOException {
        try (XSSFWorkbook template = template()) {
            Map<String, List<String>> lists = new TreeMap<>();
            for (DataValidation validation : template.getSheet("Portfolio").getDataValidations()) {
                DataValidationConstraint constraint = validation.getValidationConstraint();
                assertThat(constraint.getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
                assertThat(validation.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
                assertThat(validation.getShowErrorBox()).isTrue();
                CellRangeAddress[] ranges = validation.getRegions().getCellRangeAddresses();
                assertThat(ranges).hasSize(1);
                assertThat(ranges[0].getFirstRow()).isEqualTo(1);
                assertThat(ranges[0].getLastRow()).isEqualTo(10_000);
                assertThat(ranges[0].getFirstColumn()).isEqualTo(ranges[0].getLastColumn());
                String header = template.getSheet("Portfolio").getRow(0).getCell(ranges[0].getFirstColumn()).getStringCellValue();
                lists.put(header, List.of(constraint.getExplicitListValues()));
            }
            assertThat(lists).containsOnly(
                    Map.entry("Segment", List.of("SEMICONDUCTORS", "POWER_AND_COOLING", "DATA_CENTER_REIT", "HYPERSCALER",
                            "MODEL_PROVIDER", "APPLICATION_SOFTWARE", "OTHER")),
                    Map.entry("Distribution switching cost", List.of("NONE", "LOW", "MEDIUM", "HIGH")),
                    Map.entry("Proprietary data", List.of("yes", "no")),
                    Map.entry("Owns compute", List.of("yes", "no")),
                    Map.entry("Sovereign AI exposure", List.of("yes", "no")));
        }
    }

    @Test
    void ratioColumnsArePercentFormatted() throws IOException {
        List<String> ratios = List.of("API revenue share", "Token volume growth", "Price per token change", "Gross margin",
                "Gross margin change", "Revenue growth", "EU revenue share", "Single-geography fab dependency",
                "Hyperscaler revenue share", "Capex/Revenue");
        try (XSSFWorkbook template = template()) {
            XSSFSheet sheet = template.getSheet("Portfolio");
            List<String> percent = new ArrayList<>();
            for (Cell cell : sheet.getRow(0)) {
                if (sheet.getColumnStyle(cell.getColumnIndex()).getDataFormatString().contains("%")) {
                    percent.add(cell.getStringCellValue());
                }
            }
            assertThat(percent).isEqualTo(ratios);
            assertThat(sheet.getColumnStyle(14).getDataFormatString()).isEqualTo("#,##0");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void theHowToSheetExplainsEveryColumnOnItsOwnLine() throws IOException {
        try (XSSFWorkbook template = template()) {
            List<String> headers = headers(template.getSheet("Portfolio"));
            Sheet howTo = template.getSheet("How to fill in");
            assertThat(headers(howTo)).containsExactly("Column", "Meaning", "Unit and accepted values", "Example");
            for (int i = 0; i < headers.size(); i++) {
                Row row = howTo.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(headers.get(i));
                for (int c = 1; c <= 3; c++) assertThat(row.getCell(c).getStringCellValue()).isNotBlank();
            }
            Cell negativeExample = howTo.getRow(9).getCell(3); // Price per token change: -60%
            assertThat(negativeExample.getStringCellValue()).isEqualTo("-60%");
            assertThat(negativeExample.getCellStyle().getQuotePrefixed()).isTrue();
            for (Row row : howTo) {
                for (Cell cell : row) assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
            }
        }
    }

    @Test
    void aCompanyTypedIntoTheTemplateImportsWithoutProblemsOrIgnoredColumns() throws Exception {
        Path file = dir.resolve("filled-in.xlsx");
        try (XSSFWorkbook template = template()) {
            XSSFSheet sheet = template.getSheet("Portfolio");
            Row row = sheet.createRow(1);
            Object[] values = {"NMBC", "Nimbara Cloud", "HYPERSCALER", "yes", "HIGH", "yes", 0.12, 4.2, -0.65, 9, 0.61, 0.02,
                    0.19, 9.6, 2.1e12, 0.19, 0.71, 0.05, 0.34, 42, "no"};
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellStyle(sheet.getColumnStyle(i)); // as Excel does when a value is typed into a formatted column
                if (values[i] instanceof String text) cell.setCellValue(text);
                else cell.setCellValue(((Number) values[i]).doubleValue());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                template.write(out);
            }
        }

        ImportedPortfolio imported = new PortfolioReader(ImportLimits.defaults()).read(file);

        assertThat(imported.problems()).isEmpty();
        assertThat(imported.ignoredColumns()).isEmpty();
        assertThat(imported.sheet()).isEqualTo("Portfolio");
        assertThat(imported.rowsRead()).isEqualTo(1);
        assertThat(imported.companies()).containsExactly(Company.builder("NMBC", Segment.HYPERSCALER)
                .name("Nimbara Cloud").proprietaryData(true).distributionSwitchingCost(SwitchingCost.HIGH).ownsCompute(true)
                .apiRevenueShare(0.12).tokenVolumeGrowth(4.2).pricePerTokenChange(-0.65).openSourceGapMonths(9.0)
                .grossMargin(0.61).grossMarginChange(0.02).revenueGrowth(0.19).evToSales(9.6).marketCapUsd(2.1e12)
                .euRevenueShare(0.19).singleGeographyFabDependency(0.71).hyperscalerRevenueShare(0.05).capexToRevenue(0.34)
                .agenticProductionContracts(42).sovereignAiExposure(false).build());
    }

    @Test
    void theBlankTemplateImportsAsAnEmptyPortfolio() throws Exception {
        Path file = dir.resolve("blank.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.write(out);
        }

        ImportedPortfolio imported = new PortfolioReader(ImportLimits.defaults()).read(file);

        assertThat(imported.companies()).isEmpty();
        assertThat(imported.problems()).isEmpty();
        assertThat(imported.ignoredColumns()).isEmpty();
        assertThat(imported.rowsRead()).isZero();
    }

    private static XSSFWorkbook template() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportTemplate.write(out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }
}
