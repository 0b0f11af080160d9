package com.thesisscreener.cli;

import com.thesisscreener.screening.Company;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code generate --rows N --out FILE}: writes a large invented portfolio for tests and benchmarks, streaming, so a
 * million rows need no more memory than ten. The .xlsx looks like the sample's sheet (human-friendly headers,
 * ratios as percent-formatted numbers, market cap with thousands separators, flags as yes/no, unknown inputs
 * blank); the .csv like the sample's CSV (field names as headers, fractions, plain numbers).
 */
@Command(name = "generate", description = "Writes a large invented portfolio for tests and benchmarks (streaming).")
final class GenerateCommand implements Callable<Integer> {
    /** The sample workbook's headers (sample-data/README.md), in the order of the Company record. */
    static final String[] XLSX_HEADERS = {"Ticker", "Company", "Segment", "Proprietary data", "Distribution switching cost",
            "Owns compute", "API revenue share", "Token volume growth", "Price per token change", "Open-source gap (months)",
            "Gross margin", "Gross margin change", "Revenue growth", "EV/Sales", "Market cap (USD)", "EU revenue share",
            "Single-geography fab dependency", "Hyperscaler revenue share", "Capex/Revenue", "Agentic production contracts",
            "Sovereign AI exposure"};
    /** The sample CSV's headers: the field names. */
    static final String[] CSV_HEADERS = {"ticker", "name", "segment", "proprietaryData", "distributionSwitchingCost",
            "ownsCompute", "apiRevenueShare", "tokenVolumeGrowth", "pricePerTokenChange", "openSourceGapMonths",
            "grossMargin", "grossMarginChange", "revenueGrowth", "evToSales", "marketCapUsd", "euRevenueShare",
            "singleGeographyFabDependency", "hyperscalerRevenueShare", "capexToRevenue", "agenticProductionContracts",
            "sovereignAiExposure"};
    private static final int MAX_ROWS = 1_048_575; // Excel's sheet limit less the header

    private final PrintWriter out;

    GenerateCommand(PrintWriter out) {
        this.out = out;
    }

    @Mixin
    private HelpOption help;
    @Option(names = "--rows", paramLabel = "N", defaultValue = "100000", converter = WholeNumber.class,
            description = "companies to write (default ${DEFAULT-VALUE})")
    private int rows;
    @Option(names = "--out", paramLabel = "FILE", description = "the file to write (.xlsx or .csv)")
    private String outFile;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "the same seed gives the same file (default ${DEFAULT-VALUE})")
    private long seed;
    @Option(names = "--format", paramLabel = "FORMAT", description = "xlsx or csv (default from the --out name)")
    private String format;

    @Override
    public Integer call() throws UsageException {
        if (outFile == null) {
            throw new UsageException("generate needs --out FILE");
        }
        if (rows < 1 || rows > MAX_ROWS) {
            throw new UsageException(String.format(Locale.ROOT, "--rows takes 1 to %,d, not %,d", MAX_ROWS, rows));
        }
        String format = this.format != null ? this.format : outFile.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "xlsx";
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new UsageException("--format takes xlsx or csv, not '" + format + "'");
        }
        Path file = Path.of(outFile);
        long start = System.nanoTime();
        try {
            if (format.equals("csv")) {
                writeCsv(file, rows, seed);
            } else {
                writeXlsx(file, rows, seed);
            }
            out.printf(Locale.ROOT, "wrote %,d companies to %s (%s, %,d KB) in %.1f s%n", rows, file, format,
                    Files.size(file) / 1024, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UsageException("cannot write " + outFile + ": " + e.getMessage());
        }
        return ExitCode.OK;
    }

    static void writeXlsx(Path file, int rows, long seed) throws IOException {
        SyntheticPortfolio portfolio = new SyntheticPortfolio(rows, seed);
        // 100 rows in memory at a time; the rest goes to a compressed temp file. Inline strings (SXSSF's default)
        // keep memory flat where a shared text table would hold every ticker and name.
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        try (OutputStream stream = Files.newOutputStream(file)) {
            SXSSFSheet sheet = workbook.createSheet("Portfolio");
            CellStyle percent = style(workbook, "0.0%");
            CellStyle multiple = style(workbook, "0.0");
            CellStyle money = style(workbook, "#,##0");
            Row header = sheet.createRow(0);
            for (int c = 0; c < XLSX_HEADERS.length; c++) {
                header.createCell(c).setCellValue(XLSX_HEADERS[c]);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 1; r <= rows; r++) {
                Company company = portfolio.next();
                Row row = sheet.createRow(r);
                text(row, 0, company.ticker());
                text(row, 1, company.name());
                text(row, 2, company.segment().name());
                text(row, 3, flag(company.proprietaryData()));
                text(row, 4, company.distributionSwitchingCost() == null ? null : company.distributionSwitchingCost().name());
                text(row, 5, flag(company.ownsCompute()));
                number(row, 6, company.apiRevenueShare(), percent);
                number(row, 7, company.tokenVolumeGrowth(), percent);
                number(row, 8, company.pricePerTokenChange(), percent);
                number(row, 9, company.openSourceGapMonths(), null);
                number(row, 10, company.grossMargin(), percent);
                number(row, 11, company.grossMarginChange(), percent);
                number(row, 12, company.revenueGrowth(), percent);
                number(row, 13, company.evToSales(), multiple);
                number(row, 14, company.marketCapUsd(), money);
                number(row, 15, company.euRevenueShare(), percent);
                number(row, 16, company.singleGeographyFabDependency(), percent);
                number(row, 17, company.hyperscalerRevenueShare(), percent);
                number(row, 18, company.capexToRevenue(), percent);
                number(row, 19, company.agenticProductionContracts() == null ? null : company.agenticProductionContracts().doubleValue(), null);
                text(row, 20, flag(company.sovereignAiExposure()));
            }
            workbook.write(stream);
        } finally {
            workbook.close(); // also deletes the temp files (POI 5)
        }
    }

    static void writeCsv(Path file, int rows, long seed) throws IOException {
        SyntheticPortfolio portfolio = new SyntheticPortfolio(rows, seed);
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(String.join(",", CSV_HEADERS));
            writer.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                Company c = portfolio.next();
                line.setLength(0);
                // No value contains a comma or a quote, so nothing needs quoting (as in the sample CSV).
                line.append(c.ticker()).append(',').append(c.name()).append(',').append(c.segment().name());
                field(line, flag(c.proprietaryData()));
                field(line, c.distributionSwitchingCost() == null ? null : c.distributionSwitchingCost().name());
                field(line, flag(c.ownsCompute()));
                field(line, c.apiRevenueShare());
                field(line, c.tokenVolumeGrowth());
                field(line, c.pricePerTokenChange());
                field(line, c.openSourceGapMonths());
                field(line, c.grossMargin());
                field(line, c.grossMarginChange());
                field(line, c.revenueGrowth());
                field(line, c.evToSales());
                field(line, c.marketCapUsd() == null ? null : String.format(Locale.ROOT, "%.0f", c.marketCapUsd()));
                field(line, c.euRevenueShare());
                field(line, c.singleGeographyFabDependency());
                field(line, c.hyperscalerRevenueShare());
                field(line, c.capexToRevenue());
                field(line, c.agenticProductionContracts() == null ? null : c.agenticProductionContracts().toString());
                field(line, flag(c.sovereignAiExposure()));
                writer.append(line).append('\n');
            }
        }
    }

    private static CellStyle style(SXSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, Double value, CellStyle style) {
        if (value != null) {
            var cell = row.createCell(column);
            cell.setCellValue(value);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String flag(Boolean value) {
        return value == null ? null : value ? "yes" : "no";
    }

    private static void field(StringBuilder line, String value) {
        line.append(',');
        if (value != null) {
            line.append(value);
        }
    }

    private static void field(StringBuilder line, Double value) {
        line.append(',');
        if (value != null) {
            double v = value;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                line.append((long) v);
            } else {
                line.append(v); // Double.toString: shortest text that reads back as the same number
            }
        }
    }
}
