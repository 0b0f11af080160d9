package com.thesisscreener.report;

import com.thesisscreener.screening.CompanyField;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFCreationHelper;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A blank portfolio workbook to fill in: sheet {@code Portfolio} with the headers the importer reads (those of
 * {@code sample-data/ai-portfolio.xlsx}, from the input catalogue {@link CompanyField}), a note on every header saying what goes in the column, drop-downs for the
 * columns with a fixed set of values, and percent cells for ratios; sheet {@code How to fill in} explains every column.
 */
public final class ImportTemplate {

    static final String PORTFOLIO = "Portfolio";
    static final String HOW_TO = "How to fill in";
    /** Data rows given drop-downs and formats: rows 2 to 10,001 as Excel numbers them. */
    static final int DATA_ROWS = 10_000;

    private static final String TEXT = "@";
    private static final String PERCENT = "0.0%";
    private static final String MONEY = "#,##0";
    private static final String EMPTY_IS_UNKNOWN = "Leave empty when not known.";

    /**
     * One column of the template.
     *
     * @param header   the header, exactly as the sample workbook writes it
     * @param meaning  what the column holds (from THESIS.md)
     * @param unit     unit and accepted values (from sample-data/README.md)
     * @param example  a value as an analyst would type it
     * @param format   the cells' number format
     * @param choices  the values of its drop-down; empty for none
     * @param required whether every row must fill it in
     */
    record Column(String header, String meaning, String unit, String example, String format, List<String> choices,
                  boolean required) {

        /** The column of a company input, as the input catalogue describes it. */
        static Column of(CompanyField input) {
            CompanyField.Column column = input.column();
            String whenEmpty = input.required() ? "This column is required on every row."
                    : column.whenEmpty() != null ? column.whenEmpty() : EMPTY_IS_UNKNOWN;
            return new Column(column.header(), column.meaning(), column.accepted() + " " + whenEmpty, column.example(),
                    cellFormat(input), input.choices(), input.required());
        }

        /** Characters wide: the longest word of the header or the example, within 9 to 26. */
        int width() {
            int longest = Math.max(example.length(), Arrays.stream(header.split(" ")).mapToInt(String::length).max().orElse(0));
            return Math.max(9, Math.min(26, longest + 4));
        }
    }

    /**
     * The number format of an input's cells: ratios as percentages (0.45 as 45.0%), amounts with thousands
     * separators, everything else as typed. The generator writes its workbooks in the same formats.
     */
    public static String cellFormat(CompanyField input) {
        return switch (input.domain().unit()) {
            case PERCENT, SIGNED_PERCENT, TIMES -> PERCENT;
            case MONTHS, MULTIPLE -> "0.0";
            case DOLLARS -> MONEY;
            case COUNT -> "0";
            default -> TEXT;
        };
    }

    /** Every company input in catalogue order, then the optional position column. */
    static final List<Column> COLUMNS = Stream.concat(Arrays.stream(CompanyField.values()).map(Column::of), Stream.of(
            new Column("Market value", "Optional: the position's market value in the book, to weigh the results by position "
                    + "(weight by band, weighted score, exposure to each finding). Not a thesis input; no rule reads it.",
                    "US dollars, 0 or more, like other money columns ($2.5M works). Instead of this column a book may give "
                    + "Weight (a fraction or percentage, normalised when the weights do not sum to 100%) or Shares and Price "
                    + "(market value = shares x price). Rows left empty are screened but left out of the book's figures.",
                    "2500000", MONEY, List.of(), false))).toList();

    private static final List<String> NOTES = List.of(
            "One company per row, from row 2. Keep the headers in row 1 as they are: the importer finds columns by them.",
            "Ratios are fractions shown as percentages: type 45% (or 0.45). Growth of +250% is 250% (or 2.5).",
            "Every column but Ticker and Segment may be left empty; the rules that need an empty input do not run, "
                    + "and the result lists them.",
            "A row with a value the importer cannot read is not screened; every such cell is reported with its row and column.",
            "Positions are optional: Market value, or Weight, or Shares with Price. Without any of them the portfolio is "
                    + "screened as a list; a negative or unreadable position, or a weight over 100% on one row, is a bad cell.");

    private ImportTemplate() {
    }

    /**
     * Writes the template to {@code out}, which is left open.
     *
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public static void write(OutputStream out) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SafeCells cells = new SafeCells(workbook);
            portfolio(workbook, cells);
            howTo(workbook, cells);
            workbook.setActiveSheet(0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the import template could not be written: " + e.getMessage(), e);
        }
    }

    private static void portfolio(XSSFWorkbook workbook, SafeCells cells) {
        XSSFSheet sheet = workbook.createSheet(PORTFOLIO);
        CellStyle header = headerStyle(workbook);
        XSSFCreationHelper factory = workbook.getCreationHelper();
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        DataValidationHelper validations = sheet.getDataValidationHelper();
        Row row = sheet.createRow(0);
        row.setHeightInPoints(32);
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            cells.text(row.createCell(i), column.header(), header);

            XSSFClientAnchor anchor = factory.createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 4);
            anchor.setRow1(1);
            anchor.setRow2(8);
            anchor.setAnchorType(ClientAnchor.AnchorType.DONT_MOVE_AND_RESIZE);
            XSSFComment comment = drawing.createCellComment(anchor);
            comment.setString(factory.createRichTextString(note(column)));
            comment.setAuthor("Thesis Screener");
            row.getCell(i).setCellComment(comment);

            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(column.format()));
            sheet.setDefaultColumnStyle(i, style);
            sheet.setColumnWidth(i, column.width() * 256);

            if (!column.choices().isEmpty()) {
                DataValidation validation = validations.createValidation(
                        validations.createExplicitListConstraint(column.choices().toArray(String[]::new)),
                        new CellRangeAddressList(1, DATA_ROWS, i, i));
                validation.setEmptyCellAllowed(true);
                // XSSF quirk: "suppress" maps to the file's showDropDown flag, which Excel reads the other way round;
                // true is what shows the arrow.
                validation.setSuppressDropDownArrow(true);
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox(column.header(), "Choose one of: " + String.join(", ", column.choices())
                        + (column.required() ? ". " + column.header() + " is required on every row." : ", or leave the cell empty."));
                validation.setShowPromptBox(false);
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, DATA_ROWS, 0, COLUMNS.size() - 1));
    }

    private static void howTo(XSSFWorkbook workbook, SafeCells cells) {
        XSSFSheet sheet = workbook.createSheet(HOW_TO);
        CellStyle header = headerStyle(workbook);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        int[] widths = {30, 60, 60, 16};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
        Row first = sheet.createRow(0);
        List<String> headings = List.of("Column", "Meaning", "Unit and accepted values", "Example");
        for (int i = 0; i < headings.size(); i++) cells.text(first.createCell(i), headings.get(i), header);
        int next = 1;
        for (Column column : COLUMNS) {
            Row row = sheet.createRow(next++);
            cells.text(row.createCell(0), column.header(), wrap);
            cells.text(row.createCell(1), column.meaning(), wrap);
            cells.text(row.createCell(2), column.unit(), wrap);
            cells.text(row.createCell(3), column.example(), wrap);
        }
        next++;
        for (String note : NOTES) {
            cells.text(sheet.createRow(next++).createCell(0), note, null);
        }
        sheet.createFreezePane(0, 1);
    }

    static String note(Column column) {
        return column.header() + ": " + column.meaning() + "\n" + column.unit() + "\nExample: " + column.example();
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        XSSFCellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setFillForegroundColor(new XSSFColor(new byte[]{(byte) 0xD9, (byte) 0xD9, (byte) 0xD9}, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }
}
