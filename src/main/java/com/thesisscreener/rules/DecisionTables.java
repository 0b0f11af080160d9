package com.thesisscreener.rules;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/**
 * Excel decision tables ({@code *.drl.xlsx}): turned into DRL with Drools' own spreadsheet compiler,
 * so they pass the same safety policy and compile through the same executable model as DRL files;
 * errors in the generated DRL are traced back to the sheet's row and cell.
 */
public final class DecisionTables {

    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at ([A-Z]+)(\\d+)", Pattern.MULTILINE);
    private static final Pattern CELL_REFERENCE = Pattern.compile("\\b(?:at )?cell ([A-Z]{1,3})(\\d+)", Pattern.CASE_INSENSITIVE);

    private DecisionTables() {
    }

    /** The DRL Drools generates from a decision table; a table it cannot read is a rule error naming the file (and cell). */
    public static String toDrl(RuleFile table) throws RuleCompilationException {
        try {
            return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.bytes()), InputType.XLS);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
            Matcher cell = CELL_REFERENCE.matcher(message);
            int line = 0;
            int column = 0;
            if (cell.find()) {
                line = Integer.parseInt(cell.group(2));
                column = CellReference.convertColStringToIndex(cell.group(1)) + 1;
            }
            throw new RuleCompilationException(List.of(new RuleError(table.name(), line, column,
                    "the decision table cannot be read: " + firstLine(message))));
        }
    }

    /**
     * Moves an error found in the DRL generated from {@code table} to the sheet: line becomes the row,
     * column the cell's column (A = 1), and the message names the cell. Errors in other files pass unchanged.
     */
    static RuleError toSheet(RuleError error, RuleFile table, String drl) {
        if (!error.file().equals(table.name()) || error.line() <= 0) return error;
        String[] lines = drl.split("\n", -1);
        String generatedLine = error.line() <= lines.length ? lines[error.line() - 1] : "";
        List<List<String>> cells = cells(table);
        int row = 0;
        Matcher rule = ROW_COMMENT.matcher(drl);
        int offsetOfLine = offsetOf(drl, error.line());
        while (rule.find() && rule.start() <= offsetOfLine) {
            row = Integer.parseInt(rule.group(2));
        }
        String fragment = fragmentAt(generatedLine, error.column());
        Optional<int[]> cell = row > 0 ? findInRow(cells, row, generatedLine, fragment) : Optional.empty();
        if (cell.isEmpty()) cell = findAnywhere(cells, fragment.isBlank() ? generatedLine.strip() : fragment);
        if (cell.isEmpty()) {
            return new RuleError(table.name(), row, 0, error.message() + (row > 0 ? " (row " + row + ")" : ""));
        }
        int[] at = cell.get();
        return new RuleError(table.name(), at[0], at[1], error.message() + " (cell " + CellReference.convertNumToColString(at[1] - 1) + at[0] + ")");
    }

    /** The cell holding {@code text} (the first, reading row by row), as 1-based row and column. */
    static Optional<int[]> find(RuleFile table, String text) {
        return findAnywhere(cells(table), text);
    }

    private static Optional<int[]> findInRow(List<List<String>> cells, int row, String generatedLine, String fragment) {
        if (row - 1 >= cells.size()) return Optional.empty();
        List<String> values = cells.get(row - 1);
        int best = -1;
        int bestLength = 0;
        for (int c = 1; c < values.size(); c++) { // column A holds the rule's name
            String value = values.get(c).strip();
            if (value.isEmpty()) continue;
            boolean inFragment = !fragment.isBlank() && (value.contains(fragment.strip()) || fragment.contains(value));
            if ((inFragment || generatedLine.contains(value)) && value.length() + (inFragment ? 1000 : 0) > bestLength) {
                best = c;
                bestLength = value.length() + (inFragment ? 1000 : 0);
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(new int[] {row, best + 1});
    }

    private static Optional<int[]> findAnywhere(List<List<String>> cells, String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String wanted = text.strip();
        for (int r = 0; r < cells.size(); r++) {
            List<String> values = cells.get(r);
            for (int c = 0; c < values.size(); c++) {
                if (!values.get(c).isBlank() && values.get(c).contains(wanted)) return Optional.of(new int[] {r + 1, c + 1});
            }
        }
        return Optional.empty();
    }

    /** The word or call around a column of a generated line: what to look for in the sheet. */
    private static String fragmentAt(String line, int column) {
        if (column <= 0 || column > line.length()) return "";
        int start = column - 1;
        int end = start;
        while (end < line.length() && (Character.isJavaIdentifierPart(line.charAt(end)) || line.charAt(end) == '.')) end++;
        return line.substring(start, end);
    }

    /** Every cell's text of the first sheet with rule tables, as the spreadsheet shows it. */
    private static List<List<String>> cells(RuleFile table) {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table.bytes()))) {
            DataFormatter formatter = new DataFormatter();
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(values);
            }
        } catch (Exception unreadable) {
            // The table was readable enough to compile; without cells the error keeps its row.
        }
        return rows;
    }

    private static int offsetOf(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset);
            if (offset < 0) return text.length();
            offset++;
        }
        return offset;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
