package com.thesisscreener.report;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.screening.WhatIfAnswers;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The results workbook an analyst forwards: the ranked table with band colours, every finding, the rows that could
 * not be read, and where the results came from.
 *
 * <p>Sheets: {@code Ranked}, {@code Findings} (ticker, rule id, points, sentence), {@code Thesis} (each rule id that
 * fired with its thesis passage, once, rather than the passage on every finding row), {@code Problems}, {@code About}.
 * A table longer than Excel's row limit continues on {@code Findings (2)}, {@code Findings (3)}, ... Written with
 * POI's streaming workbook while the results are read in rank order, so only a window of rows is held in memory
 * whatever the portfolio's size. No cell is ever a formula; text a spreadsheet could take
 * for one is stored as quote-prefixed text (see {@link SafeCells}).
 */
public final class XlsxReport {

    static final String RANKED = "Ranked";
    static final String FINDINGS = "Findings";
    static final String THESIS = "Thesis";
    static final String PROBLEMS = "Problems";
    static final String ABOUT = "About";
    static final String WHAT_IF = "What if";
    static final String BOOK = "Book";
    static final List<String> WHAT_IF_HEADER = List.of("Ticker", "Band now", "Field", "Value", "Band then", "Direction", "Sentence");

    static final List<String> RANKED_HEADER = List.of("Rank", "Ticker", "Name", "Segment", "Score", "Band",
            "Band from score alone", "Confidence", "Caps", "Moat anchors", "Volume/deflation ratio",
            "Implied revenue per unit growth", "Price change assumed", "Top findings", "Tests not run");
    static final List<String> FINDINGS_HEADER = List.of("Ticker", "Rule id", "Points", "Sentence");
    static final List<String> THESIS_HEADER = List.of("Rule id", "Thesis passage");
    static final List<String> PROBLEMS_HEADER = List.of("Sheet", "Row", "Column", "Header", "Value", "Expected", "Message");
    static final String NO_PROBLEMS = "no problems";

    /** Fill colour (RGB) and whether the text on it is white, per band; every pair reads at a contrast of 4.5:1 or more. */
    private record BandColour(int rgb, boolean whiteText) {
    }

    private static final Map<Band, BandColour> BAND_COLOURS = new EnumMap<>(Map.of(
            Band.STRONG_BUY, new BandColour(0x1E6B30, true),  // dark green
            Band.BUY, new BandColour(0x70AD47, false),        // green
            Band.HOLD, new BandColour(0xFFC000, false),       // amber
            Band.REDUCE, new BandColour(0xED7D31, false),     // orange
            Band.AVOID, new BandColour(0xC00000, true)));     // red

    /** Rows the streaming workbook keeps in memory before flushing to its temporary file. */
    private static final int WINDOW = 200;
    private static final int TOP_FINDINGS = 3;

    private XlsxReport() {
    }

    /**
     * Writes the workbook to {@code out}, which is left open.
     *
     * @throws UncheckedIOException when {@code out} cannot be written
     */
    public static void write(Screening screening, OutputStream out) {
        write(screening, out, Instant.now(), SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** As {@link #write(Screening, OutputStream)}, with a "What if" sheet of the answers (by ticker). */
    public static void write(Screening screening, Map<String, WhatIfAnswers> whatIf, OutputStream out) {
        write(screening, whatIf, out, Instant.now(), SpreadsheetVersion.EXCEL2007.getMaxRows());
    }

    /** As {@link #write(Screening, OutputStream)}, with the timestamp and the rows per sheet (header included) fixed. */
    static void write(Screening screening, OutputStream out, Instant generatedAt, int maxRowsPerSheet) {
        write(screening, null, out, generatedAt, maxRowsPerSheet);
    }

    static void write(Screening screening, Map<String, WhatIfAnswers> whatIf, OutputStream out, Instant generatedAt,
                      int maxRowsPerSheet) {
        if (maxRowsPerSheet < 2) throw new IllegalArgumentException("a sheet needs room for a header and a row");
        // Inline strings: no shared-string table growing in memory. Temporary files gzipped: for 100,000 companies
        // the sheets' XML is ~150 MB, too much for a small or in-memory temp folder; compressed it is a tenth. Since
        // POI 5.3 close() also deletes those temporary files (dispose() is deprecated).
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), WINDOW, true, false)) {
            new Writer(workbook, maxRowsPerSheet).write(screening, whatIf, generatedAt);
            workbook.write(new KeepOpen(out));
        } catch (IOException e) {
            throw new UncheckedIOException("the workbook could not be written: " + e.getMessage(), e);
        }
    }

    /** One workbook being written: its styles, made once, and the sheets in order. */
    private static final class Writer {

        private final SXSSFWorkbook workbook;
        private final int maxRows;
        private final SafeCells cells;
        private final CellStyle header;
        private final CellStyle integer;
        private final CellStyle signed;
        private final CellStyle percent;
        private final CellStyle percentOneDecimal;
        private final CellStyle ratio;
        private final CellStyle bold;
        private final CellStyle weightStyle;
        private final Map<Band, CellStyle> bands = new EnumMap<>(Band.class);

        Writer(SXSSFWorkbook workbook, int maxRows) {
            this.workbook = workbook;
            this.maxRows = maxRows;
            this.cells = new SafeCells(workbook);
            XSSFFont boldFont = (XSSFFont) workbook.createFont();
            boldFont.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            ((XSSFCellStyle) header).setFillForegroundColor(colour(0xD9D9D9));
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            integer = numberStyle("0");
            signed = numberStyle("+0;-0;0");
            percent = numberStyle("0%");
            percentOneDecimal = numberStyle("0.0%");
            ratio = numberStyle("0.00");
            weightStyle = numberStyle("0.00%");
            XSSFFont white = (XSSFFont) workbook.createFont();
            white.setBold(true);
            white.setColor(colour(0xFFFFFF));
            XSSFFont black = (XSSFFont) workbook.createFont();
            black.setBold(true);
            black.setColor(colour(0x000000));
            BAND_COLOURS.forEach((band, colour) -> {
                XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
                style.setFillForegroundColor(colour(colour.rgb()));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setFont(colour.whiteText() ? white : black);
                style.setAlignment(HorizontalAlignment.CENTER);
                bands.put(band, style);
            });
        }

        void write(Screening screening, Map<String, WhatIfAnswers> whatIf, Instant generatedAt) {
            ranked(screening);
            findings(screening);
            thesis(screening);
            if (whatIf != null) whatIf(screening, whatIf);
            if (screening.positions() != null) book(screening.positions());
            problems(screening);
            about(screening, generatedAt);
            workbook.setActiveSheet(0);
        }

        private void ranked(Screening screening) {
            Table table = new Table(RANKED, RANKED_HEADER, new int[]{6, 9, 28, 22, 7, 12, 12, 11, 26, 9, 12, 14, 10, 48, 40}, 2);
            int[] rank = {1};
            screening.results().forEachRanked(r -> {
                Row row = table.next();
                DerivedFigures d = r.derived();
                number(row, 0, rank[0]++, integer);
                text(row, 1, r.ticker());
                text(row, 2, r.name());
                text(row, 3, r.segment().name());
                number(row, 4, r.score(), integer);
                text(row, 5, r.band().name(), bands.get(r.band()));
                text(row, 6, r.scoreBand().name(), bands.get(r.scoreBand()));
                number(row, 7, r.confidence(), percent);
                text(row, 8, r.caps().stream().map(c -> c.ruleId() + " " + c.ceiling()).collect(Collectors.joining("; ")));
                number(row, 9, d.moatAnchorCount(), integer);
                number(row, 10, d.volumeToDeflationRatio(), ratio);
                number(row, 11, d.impliedRevenuePerUnitGrowth(), percentOneDecimal);
                text(row, 12, d.priceChangeAssumed() ? "yes" : "no");
                text(row, 13, r.topFindings(TOP_FINDINGS).stream()
                        .map(f -> f.ruleId() + " " + Phrases.points(f.points()))
                        .collect(Collectors.joining(", ")));
                text(row, 14, r.testsNotRun().stream()
                        .map(t -> t.ruleId() + " (needs " + String.join(", ", t.missingInputs()) + ")")
                        .collect(Collectors.joining("; ")));
            });
            table.finish();
        }

        private void findings(Screening screening) {
            Table table = new Table(FINDINGS, FINDINGS_HEADER, new int[]{9, 17, 7, 110}, 1);
            screening.results().forEachRanked(r -> {
                for (Finding f : r.findings()) {
                    Row row = table.next();
                    text(row, 0, r.ticker());
                    text(row, 1, f.ruleId());
                    number(row, 2, f.points(), signed);
                    text(row, 3, f.sentence());
                }
            });
            table.finish();
        }

        private void thesis(Screening screening) {
            Table table = new Table(THESIS, THESIS_HEADER, new int[]{17, 140}, 1);
            screening.results().stats().thesis().forEach((ruleId, passage) -> {
                Row row = table.next();
                text(row, 0, ruleId);
                text(row, 1, passage);
            });
            table.finish();
        }

        /** One row per what-if answer: the nearest change of one input that moves the band. */
        private void whatIf(Screening screening, Map<String, WhatIfAnswers> whatIf) {
            Table table = new Table(WHAT_IF, WHAT_IF_HEADER, new int[]{9, 12, 28, 14, 12, 10, 90}, 1);
            screening.results().forEachRanked(r -> {
                WhatIfAnswers answers = whatIf.get(r.ticker());
                if (answers == null) return;
                List<String> sentences = new java.util.ArrayList<>(answers.lifts());
                sentences.addAll(answers.drops());
                List<WhatIf> ordered = new java.util.ArrayList<>(answers.answers().stream().filter(a -> WhatIf.UP.equals(a.direction())).toList());
                ordered.addAll(answers.answers().stream().filter(a -> WhatIf.DOWN.equals(a.direction())).toList());
                for (int i = 0; i < ordered.size(); i++) {
                    WhatIf answer = ordered.get(i);
                    Row row = table.next();
                    text(row, 0, r.ticker());
                    text(row, 1, r.band().name(), bands.get(r.band()));
                    text(row, 2, answer.field());
                    if (answer.value() instanceof Number number) number(row, 3, number, null);
                    else text(row, 3, answer.value() instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(answer.value()));
                    text(row, 4, answer.band().name(), bands.get(answer.band()));
                    text(row, 5, answer.direction());
                    text(row, 6, sentences.get(i));
                }
            });
            table.finish();
        }

        /** The book: weight by band, weighted score, exposure per finding and cap, largest REDUCE/AVOID positions. */
        private void book(PositionFigures book) {
            Sheet sheet = workbook.createSheet(BOOK);
            sheet.setColumnWidth(0, 30 * 256);
            sheet.setColumnWidth(1, 14 * 256);
            sheet.setColumnWidth(2, 14 * 256);
            int[] next = {0};
            text(sheet.createRow(next[0]++), 0, "The book: weights are shares of the positions' total", bold);
            count(sheet, next, "Companies without a position", book.withoutPosition());
            Row score = sheet.createRow(next[0]++);
            text(score, 0, "Weighted score", bold);
            number(score, 1, book.weightedScore(), null);
            next[0]++;
            weights(sheet, next, "Band", book.byBand().entrySet().stream()
                    .map(e -> Map.entry(e.getKey().name(), e.getValue())).toList(), true);
            weights(sheet, next, "Finding (rule id)", List.copyOf(book.byFinding().entrySet()), false);
            weights(sheet, next, "Cap (rule id)", List.copyOf(book.byCap().entrySet()), false);
            Row heading = sheet.createRow(next[0]++);
            text(heading, 0, "Largest REDUCE/AVOID positions", header);
            text(heading, 1, "Weight", header);
            text(heading, 2, "Band", header);
            for (PositionFigures.Holding holding : book.largestReduceOrAvoid()) {
                Row row = sheet.createRow(next[0]++);
                text(row, 0, holding.ticker() + (holding.name() == null ? "" : " " + holding.name()));
                number(row, 1, holding.weight(), weightStyle);
                text(row, 2, holding.band().name(), bands.get(holding.band()));
            }
        }

        private void weights(Sheet sheet, int[] next, String heading, List<Map.Entry<String, Double>> weights, boolean banded) {
            Row row = sheet.createRow(next[0]++);
            text(row, 0, heading, header);
            text(row, 1, "Weight", header);
            for (Map.Entry<String, Double> weight : weights) {
                Row line = sheet.createRow(next[0]++);
                text(line, 0, weight.getKey(), banded ? bands.get(Band.valueOf(weight.getKey())) : null);
                number(line, 1, weight.getValue(), weightStyle);
            }
            next[0]++;
        }

        private void problems(Screening screening) {
            Table table = new Table(PROBLEMS, PROBLEMS_HEADER, new int[]{14, 6, 8, 24, 20, 40, 100}, 0);
            if (screening.problems().isEmpty()) {
                text(table.next(), 0, NO_PROBLEMS);
            }
            for (RowProblem p : screening.problems()) {
                Row row = table.next();
                text(row, 0, p.sheet());
                number(row, 1, p.row(), integer);
                text(row, 2, p.column());
                text(row, 3, p.header());
                text(row, 4, p.value());
                text(row, 5, p.expected());
                text(row, 6, p.message());
            }
            table.finish();
        }

        private void about(Screening screening, Instant generatedAt) {
            Sheet sheet = workbook.createSheet(ABOUT);
            sheet.setColumnWidth(0, 24 * 256);
            sheet.setColumnWidth(1, 70 * 256);
            int[] next = {0};
            Row title = sheet.createRow(next[0]++);
            text(title, 0, "Thesis Screener results", bold);
            item(sheet, next, "Source file", screening.source());
            item(sheet, next, "Sheet", screening.sheet());
            item(sheet, next, "Rule-set version", screening.ruleSetVersion());
            item(sheet, next, "Generated at", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString());
            count(sheet, next, "Rows read", screening.rowsRead());
            count(sheet, next, "Rows screened", screening.screened());
            count(sheet, next, "Rows rejected", screening.rowsRejected());
            item(sheet, next, "Ignored columns",
                    screening.ignoredColumns().isEmpty() ? "none" : String.join(", ", screening.ignoredColumns()));
            next[0]++;
            Row bandHeader = sheet.createRow(next[0]++);
            text(bandHeader, 0, "Band", header);
            text(bandHeader, 1, "Companies", header);
            screening.bandCounts().forEach((band, companies) -> {
                Row row = sheet.createRow(next[0]++);
                text(row, 0, band.name(), bands.get(band));
                number(row, 1, companies, integer);
            });
            next[0]++;
            text(sheet.createRow(next[0]++), 0, "Score 0-100: 50 plus every finding's points, clamped once at the end. "
                    + "A band below 'Band from score alone' was lowered by a cap; the score is never changed.");
            text(sheet.createRow(next[0]), 0, "Confidence: the share of the thesis tests for the company's segment "
                    + "that could be run with the inputs given.");
        }

        private void item(Sheet sheet, int[] next, String label, String value) {
            Row row = sheet.createRow(next[0]++);
            text(row, 0, label, bold);
            text(row, 1, value);
        }

        private void count(Sheet sheet, int[] next, String label, int value) {
            Row row = sheet.createRow(next[0]++);
            text(row, 0, label, bold);
            number(row, 1, value, integer);
        }

        private void text(Row row, int column, String value) {
            text(row, column, value, null);
        }

        private void text(Row row, int column, String value, CellStyle style) {
            cells.text(row.createCell(column), value, style);
        }

        private static void number(Row row, int column, Number value, CellStyle style) {
            Cell cell = row.createCell(column);
            cell.setCellStyle(style);
            if (value != null) cell.setCellValue(value.doubleValue());
        }

        private CellStyle numberStyle(String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        /**
         * A table with a frozen header and an auto-filter; past the sheet's row limit it goes on in a new sheet,
         * "Name (2)", with the same header.
         */
        private final class Table {

            private final String name;
            private final List<String> headings;
            private final int[] widths;
            private final int frozenColumns;
            private Sheet sheet;
            private int part;
            private int nextRow;

            Table(String name, List<String> headings, int[] widths, int frozenColumns) {
                this.name = name;
                this.headings = headings;
                this.widths = widths;
                this.frozenColumns = frozenColumns;
                startSheet();
            }

            Row next() {
                if (nextRow >= maxRows) {
                    finish();
                    startSheet();
                }
                return sheet.createRow(nextRow++);
            }

            void finish() {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, headings.size() - 1));
            }

            private void startSheet() {
                part++;
                sheet = workbook.createSheet(part == 1 ? name : name + " (" + part + ")");
                for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
                sheet.createFreezePane(frozenColumns, 1);
                Row row = sheet.createRow(0);
                for (int i = 0; i < headings.size(); i++) text(row, i, headings.get(i), header);
                nextRow = 1;
            }
        }
    }

    private static XSSFColor colour(int rgb) {
        return new XSSFColor(new byte[]{(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb}, null);
    }

    /** Whatever POI does with the stream it writes to, the caller's stream stays open: closing this only flushes. */
    private static final class KeepOpen extends FilterOutputStream {

        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
