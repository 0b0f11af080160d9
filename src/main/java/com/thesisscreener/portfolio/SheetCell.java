package com.thesisscreener.portfolio;

/**
 * One non-empty cell as the format readers hand it on: numbers already turned into text
 * (percent-formatted numbers as {@code "45%"}), booleans as {@code TRUE}/{@code FALSE}.
 *
 * @param column 0-based column index
 * @param text   the cell's value as text; for an error cell the error code such as {@code #DIV/0!}
 * @param error  whether the cell holds an Excel error value rather than data
 */
record SheetCell(int column, String text, boolean error) {
}
