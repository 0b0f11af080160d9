package com.thesisscreener.report;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Writes text into workbook cells so that a spreadsheet never runs it as a formula.
 *
 * <p>Every text value goes in as a string cell; formulas are never written. Text that Excel would read as a formula
 * if an analyst re-entered the cell (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return) additionally gets a quote-prefixed copy of its style: Excel's own "this is text" marker, the {@code '} an
 * analyst would type. The value itself is stored unchanged, so it reads back exactly as it came in.
 */
final class SafeCells {

    /** Excel's limit on the characters of one cell; longer text is shortened and ends in an ellipsis. */
    static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Workbook workbook;
    private final Map<Integer, CellStyle> quoted = new HashMap<>();

    SafeCells(Workbook workbook) {
        this.workbook = workbook;
    }

    /** Whether a spreadsheet would take the text for a formula (the same characters {@link CsvReport} guards). */
    static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) return false;
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /**
     * Puts {@code value} into {@code cell} as text in the given style (null: the workbook's default style). A null
     * value leaves the cell blank.
     */
    void text(Cell cell, String value, CellStyle style) {
        CellStyle base = style == null ? workbook.getCellStyleAt(0) : style;
        if (value == null) {
            cell.setBlank();
            cell.setCellStyle(base);
            return;
        }
        String shown = fit(value);
        cell.setCellValue(shown);
        cell.setCellStyle(looksLikeFormula(shown) ? quoted(base) : base);
    }

    /** The quote-prefixed twin of a style, made once per style. */
    private CellStyle quoted(CellStyle base) {
        if (base.getQuotePrefixed()) return base;
        return quoted.computeIfAbsent((int) base.getIndex(), index -> {
            CellStyle twin = workbook.createCellStyle();
            twin.cloneStyleFrom(base);
            twin.setQuotePrefixed(true);
            return twin;
        });
    }

    /** The text as a cell holds it: Excel's length limit applied. */
    static String fit(String value) {
        if (value.length() <= MAX_TEXT) return value;
        int end = MAX_TEXT - 1;
        if (Character.isHighSurrogate(value.charAt(end - 1))) end--; // never split a character in two
        return value.substring(0, end) + "\u2026";
    }
}
