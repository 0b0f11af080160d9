package com.thesisscreener.importing;

/**
 * One non-empty cell as the format readers hand it on. Numeric cells keep their number (no text is made for
 * them unless a message or a text column needs it); booleans arrive as text {@code TRUE}/{@code FALSE}, dates as
 * ISO text, so a date in a number column is refused rather than read as a day count.
 *
 * @param column  0-based column index
 * @param text    the cell's text; null for a numeric cell; for an error cell the error code such as {@code #DIV/0!},
 *                or for a formula saved without its value the formula as typed ({@code =B2*2})
 * @param error   whether the cell holds an Excel error value, or a formula without a saved value, rather than data
 * @param numeric whether the cell is a number (then {@code number} and {@code percent} apply)
 * @param number  the number as Excel shows it (15 significant digits)
 * @param percent whether the number is shown as a percentage; the stored value is then the fraction
 */
record SheetCell(int column, String text, boolean error, boolean numeric, double number, boolean percent) {

    static SheetCell text(int column, String text) {
        return new SheetCell(column, text, false, false, 0, false);
    }

    static SheetCell error(int column, String code) {
        return new SheetCell(column, code, true, false, 0, false);
    }

    /**
     * A formula saved without the value it computes (openpyxl and some exporters write them so): not an empty cell,
     * since reading it as "not known" would change scores silently.
     */
    static SheetCell unsavedFormula(int column, String formula) {
        return new SheetCell(column, "=" + formula, true, false, 0, false);
    }

    /** Whether this is a formula without a saved value (error codes start with '#', formulas with '='). */
    boolean unsavedFormula() {
        return error && text.startsWith("=");
    }

    static SheetCell number(int column, double number, boolean percent) {
        return new SheetCell(column, null, false, true, number, percent);
    }

    /** The value as the analyst sees it: numbers as plain text, percent-formatted ones like {@code 45%}. */
    String display() {
        return numeric ? CellFormats.numberText(number, percent) : text;
    }

    /** No value worth reading: empty or whitespace text. */
    boolean blank() {
        return !numeric && !error && text.isBlank();
    }
}
