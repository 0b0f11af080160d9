package com.thesisscreener.importing;

/**
 * One cell that could not be used; its whole row is left out of the import.
 *
 * @param sheet    sheet name; for CSV the file name
 * @param row      1-based row number, as Excel shows it
 * @param column   column letters as Excel shows them (A, B, ... AA)
 * @param header   the column's header text as written in the file
 * @param value    the cell's text, shortened if very long; empty when the cell is empty
 * @param expected what the column accepts, in an analyst's words
 */
public record RowProblem(String sheet, int row, String column, String header, String value, String expected) {

    /** E.g. {@code Sheet 'Portfolio', row 7, column F (API revenue share): '45x' is not readable; expected a fraction ...}. */
    public String message() {
        String found = value == null || value.isBlank()
                ? "the cell is empty"
                : "'" + oneLine(value) + "' is not readable";
        return "Sheet '" + sheet + "', row " + row + ", column " + column + " (" + oneLine(header) + "): "
                + found + "; expected " + expected;
    }

    // A CSV cell may hold line breaks; the message must stay on one line.
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
