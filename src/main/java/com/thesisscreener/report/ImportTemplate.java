package com.thesisscreener.report;

import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.SwitchingCost;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
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
 * {@code sample-data/ai-portfolio.xlsx}), a note on every header saying what goes in the column, drop-downs for the
 * columns with a fixed set of values, and percent cells for ratios; sheet {@code How to fill in} explains every column.
 */
public final class ImportTemplate {

    static final String PORTFOLIO = "Portfolio";
    static final String HOW_TO = "How to fill in";
    /** Data rows given drop-downs and formats: rows 2 to 10,001 as Excel numbers them. */
    static final int DATA_ROWS = 10_000;

    static final List<String> FLAG_VALUES = List.of("yes", "no");
    static final List<String> SEGMENTS = Arrays.stream(Segment.values()).map(Enum::name).toList();
    static final List<String> SWITCHING_COSTS = Arrays.stream(SwitchingCost.values()).map(Enum::name).toList();

    private static final String TEXT = "@";
    private static final String PERCENT = "0.0%";
    private static final String EMPTY_IS_UNKNOWN = "Leave empty when not known.";

    /**
     * One column of the template.
     *
     * @param header  the header, exactly as the sample workbook writes it
     * @param meaning what the column holds (from THESIS.md)
     * @param unit    unit and accepted values (from sample-data/README.md)
     * @param example a value as an analyst would type it
     * @param format  the cells' number format
     * @param choices the values of its drop-down; empty for none
     */
    record Column(String header, String meaning, String unit, String example, String format, List<String> choices) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("Ticker", "The company's ticker; identifies the result.",
                    "Text, at most 32 characters; required on every row, unique within the file.", "CRVN", TEXT, List.of()),
            new Column("Company", "Company name, shown with the result.", "Text, any. " + EMPTY_IS_UNKNOWN,
                    "Corvane Silicon", TEXT, List.of()),
            new Column("Segment", "Where the company sits in the AI build-out; the thesis treats the tiers differently.",
                    "One of " + String.join(", ", SEGMENTS) + "; required on every row.", "SEMICONDUCTORS", TEXT, SEGMENTS),
            new Column("Proprietary data", "Controls proprietary data assets (moat anchor 1).",
                    "Flag: yes or no. " + EMPTY_IS_UNKNOWN, "yes", TEXT, FLAG_VALUES),
            new Column("Distribution switching cost",
                    "How hard it is for customers to leave the company's distribution channels (HIGH is moat anchor 2; "
                            + "MEDIUM earns points but is not an anchor).",
                    "One of " + String.join(", ", SWITCHING_COSTS) + ". " + EMPTY_IS_UNKNOWN, "HIGH", TEXT, SWITCHING_COSTS),
            new Column("Owns compute", "Controls physical compute: silicon, power or cooling (moat anchor 3).",
                    "Flag: yes or no. " + EMPTY_IS_UNKNOWN, "no", TEXT, FLAG_VALUES),
            new Column("API revenue share", "Share of revenue sold through model or inference APIs.",
                    "Percentage, 0% to 100% (a fraction 0 to 1); 0% = no API revenue. " + EMPTY_IS_UNKNOWN,
                    "45%", PERCENT, List.of()),
            new Column("Token volume growth", "Year-on-year growth of the tokens (usage) served.",
                    "Percentage, above -100%; +250% growth is 250%. " + EMPTY_IS_UNKNOWN, "250%", PERCENT, List.of()),
            new Column("Price per token change", "Year-on-year change of the price per token; negative = deflation.",
                    "Percentage, -100% or more. Empty: the thesis' industry rate (78.5% deflation a year) is used and "
                            + "the result says so (VOL-ASSUMED).", "-60%", PERCENT, List.of()),
            new Column("Open-source gap (months)", "How many months open-weight models trail the company's best model.",
                    "Months, 0 or more. " + EMPTY_IS_UNKNOWN, "6", "0.0", List.of()),
            new Column("Gross margin", "Gross margin (reported only; no rule scores it).",
                    "Percentage, -100% to 100%. " + EMPTY_IS_UNKNOWN, "62%", PERCENT, List.of()),
            new Column("Gross margin change", "Year-on-year change in gross margin.",
                    "Percentage points as a percentage, any sign; -6% = six points lower. " + EMPTY_IS_UNKNOWN,
                    "-6%", PERCENT, List.of()),
            new Column("Revenue growth", "Year-on-year revenue growth.",
                    "Percentage, above -100%. " + EMPTY_IS_UNKNOWN, "25%", PERCENT, List.of()),
            new Column("EV/Sales", "Enterprise value / sales.", "Multiple, 0 or more. " + EMPTY_IS_UNKNOWN,
                    "12.5", "0.0", List.of()),
            new Column("Market cap (USD)", "Market capitalisation.",
                    "US dollars, a plain number above 0. " + EMPTY_IS_UNKNOWN, "8500000000", "#,##0", List.of()),
            new Column("EU revenue share", "Share of revenue from the EU.",
                    "Percentage, 0% to 100%. " + EMPTY_IS_UNKNOWN, "30%", PERCENT, List.of()),
            new Column("Single-geography fab dependency", "Share of leading-edge chip supply that comes from one geography.",
                    "Percentage, 0% to 100%. " + EMPTY_IS_UNKNOWN, "95%", PERCENT, List.of()),
            new Column("Hyperscaler revenue share",
                    "For chip suppliers: share of revenue from hyperscalers building in-house silicon.",
                    "Percentage, 0% to 100%. " + EMPTY_IS_UNKNOWN, "40%", PERCENT, List.of()),
            new Column("Capex/Revenue", "Capital expenditure / revenue.",
                    "Percentage, 0% or more. " + EMPTY_IS_UNKNOWN, "40%", PERCENT, List.of()),
            new Column("Agentic production contracts", "Count of enterprise production contracts for agentic AI systems.",
                    "Whole number, 0 or more. " + EMPTY_IS_UNKNOWN, "3", "0", List.of()),
            new Column("Sovereign AI exposure", "Sells into sovereign AI programmes.",
                    "Flag: yes or no. " + EMPTY_IS_UNKNOWN, "yes", TEXT, FLAG_VALUES),
            new Column("Market value", "Optional: the position's market value in the book, to weigh the results by position "
                    + "(weight by band, weighted score, exposure to each finding). Not a thesis input; no rule reads it.",
                    "US dollars, 0 or more, like other money columns ($2.5M works). Instead of this column a book may give "
                    + "Weight (a fraction or percentage, normalised when the weights do not sum to 100%) or Shares and Price "
                    + "(market value = shares x price). Rows left empty are screened but left out of the book's figures.",
                    "2500000", "#,##0", List.of()));

    /** Column widths in characters, in the order of {@link #COLUMNS}. */
    private static final int[] WIDTHS = {9, 26, 22, 12, 14, 11, 12, 13, 13, 13, 11, 12, 11, 9, 19, 11, 16, 14, 11, 14, 12, 14};

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
            sheet.setColumnWidth(i, WIDTHS[i] * 256);

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
                        + (column.header().equals("Segment") ? ". Segment is required on every row." : ", or leave the cell empty."));
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
