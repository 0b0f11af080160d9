package com.thesisscreener.importing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small test workbooks: rows of values, where {@link Pct} is a percent-formatted number and {@link Formula} a formula. */
final class Workbooks {

    /** A numeric cell shown with a percent format; the stored value is the fraction. */
    record Pct(double fraction) {
    }

    /** A numeric cell with an explicit display format, e.g. "0.0" or "#,##0". */
    record Formatted(double value, String format) {
    }

    /** A formula whose cached value is computed when the test file is written. */
    record Formula(String formula, String format) {
    }

    /** An Excel error value such as #DIV/0!, stored as a cached formula result. */
    record Error(String formula) {
    }

    /** A formula written without computing it, as openpyxl and some exporters do: no cached value at all. */
    record UnsavedFormula(String formula) {
    }

    /** A formula whose cached value is set by hand, different from what evaluating it would give. */
    record StaleFormula(String formula, double cached) {
    }

    /** A date cell (formatted yyyy-mm-dd). */
    record Date(java.time.LocalDate date) {
    }

    private final Map<String, java.util.List<String>> merges = new LinkedHashMap<>();

    /** Merges a range such as "A1:F1" on the named sheet (a banner title across the columns). */
    Workbooks merge(String sheet, String range) {
        merges.computeIfAbsent(sheet, s -> new java.util.ArrayList<>()).add(range);
        return this;
    }

    private final Map<String, Object[][]> sheets = new LinkedHashMap<>();

    static Workbooks sheet(String name, Object[]... rows) {
        return new Workbooks().and(name, rows);
    }

    Workbooks and(String name, Object[]... rows) {
        sheets.put(name, rows);
        return this;
    }

    Path writeXlsx(Path file) throws IOException {
        try (Workbook workbook = new XSSFWorkbook()) {
            return write(workbook, file);
        }
    }

    Path writeXls(Path file) throws IOException {
        try (Workbook workbook = new HSSFWorkbook()) {
            return write(workbook, file);
        }
    }

    void writeTo(Workbook workbook, OutputStream out) throws IOException {
        fill(workbook);
        workbook.write(out);
    }

    private Path write(Workbook workbook, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(workbook, out);
        }
        return file;
    }

    private void fill(Workbook workbook) {
        Map<String, CellStyle> styles = new LinkedHashMap<>();
        for (Map.Entry<String, Object[][]> entry : sheets.entrySet()) {
            Sheet sheet = workbook.createSheet(entry.getKey());
            merges.getOrDefault(entry.getKey(), java.util.List.of())
                    .forEach(range -> sheet.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(range)));
            Object[][] rows = entry.getValue();
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    continue; // a row that does not exist at all
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof String text) {
                        cell.setCellValue(text);
                    } else if (value instanceof Boolean flag) {
                        cell.setCellValue(flag);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Pct pct) {
                        cell.setCellValue(pct.fraction());
                        cell.setCellStyle(style(workbook, styles, "0.0%"));
                    } else if (value instanceof Formatted formatted) {
                        cell.setCellValue(formatted.value());
                        cell.setCellStyle(style(workbook, styles, formatted.format()));
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.formula());
                        if (formula.format() != null) {
                            cell.setCellStyle(style(workbook, styles, formula.format()));
                        }
                        workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                    } else if (value instanceof UnsavedFormula unsaved) {
                        cell.setCellFormula(unsaved.formula());
                    } else if (value instanceof StaleFormula stale) {
                        cell.setCellFormula(stale.formula());
                        cell.setCellValue(stale.cached()); // on a formula cell this sets only the cached result
                    } else if (value instanceof Date date) {
                        cell.setCellValue(date.date());
                        cell.setCellStyle(style(workbook, styles, "yyyy-mm-dd"));
                    } else if (value instanceof Error error) {
                        cell.setCellFormula(error.formula());
                        workbook.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(cell);
                    } else {
                        throw new IllegalArgumentException("unsupported test value " + value);
                    }
                }
            }
        }
    }

    private static CellStyle style(Workbook workbook, Map<String, CellStyle> styles, String format) {
        return styles.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }
}
