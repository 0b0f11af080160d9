package com.thesisscreener.cli;

import com.thesisscreener.report.ImportTemplate;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
    static final String[] XLSX_HEADERS = Arrays.stream(CompanyField.values()).map(f -> f.column().header()).toArray(String[]::new);
    /** The sample CSV's headers: the field names. */
    static final String[] CSV_HEADERS = Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).toArray(String[]::new);
    private static final CompanyField[] FIELDS = CompanyField.values();
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
            CellStyle[] styles = new CellStyle[FIELDS.length];
            Map<String, CellStyle> byFormat = new HashMap<>();
            for (int c = 0; c < FIELDS.length; c++) {
                styles[c] = byFormat.computeIfAbsent(ImportTemplate.cellFormat(FIELDS[c]), format -> style(workbook, format));
            }
            Row header = sheet.createRow(0);
            for (int c = 0; c < XLSX_HEADERS.length; c++) {
                header.createCell(c).setCellValue(XLSX_HEADERS[c]);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 1; r <= rows; r++) {
                Company company = portfolio.next();
                Row row = sheet.createRow(r);
                for (int c = 0; c < FIELDS.length; c++) {
                    cell(row, c, FIELDS[c].valueOf(company), styles[c]);
                }
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
                for (int f = 0; f < FIELDS.length; f++) {
                    if (f > 0) line.append(',');
                    field(line, FIELDS[f].valueOf(c));
                }
                writer.append(line).append('\n');
            }
        }
    }

    private static CellStyle style(SXSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    /** A number as a number cell in the input's format; a flag as yes/no, a choice by its name; nothing when unknown. */
    private static void cell(Row row, int column, Object value, CellStyle style) {
        if (value instanceof Number number) {
            var cell = row.createCell(column);
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(style);
        } else if (value != null) {
            row.createCell(column).setCellValue(text(value));
        }
    }

    private static String text(Object value) {
        if (value instanceof Boolean flag) return flag ? "yes" : "no";
        if (value instanceof Enum<?> constant) return constant.name();
        return value.toString();
    }

    /** Fractions as plain decimals, whole numbers without a point, as in the sample CSV; nothing when unknown. */
    private static void field(StringBuilder line, Object value) {
        if (value instanceof Double number) {
            double v = number;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                line.append((long) v);
            } else {
                line.append(v); // Double.toString: shortest text that reads back as the same number
            }
        } else if (value != null) {
            line.append(text(value));
        }
    }
}
