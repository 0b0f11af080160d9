package com.thesisscreener.report;

import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.report.XlsxStream.Layout;
import com.thesisscreener.report.XlsxStream.Sheet;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.screening.WhatIfAnswers;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * The results workbook an analyst forwards: the ranked table with band colours, every finding, the rows that could
 * not be read, and where the results came from.
 *
 * <p>Sheets: {@code Ranked}, {@code Findings} (ticker, rule id, points, sentence), {@code Thesis} (each rule id that
 * fired with its thesis passage, once, rather than the passage on every finding row), {@code Problems}, {@code About}.
 * A table longer than Excel's row limit continues on {@code Findings (2)}, {@code Findings (3)}, ... Written as the
 * results are read, in one pass in rank order for both the ranked table and the findings ({@link XlsxStream}), so
 * only a row is held in memory whatever the portfolio's size and the client receives the workbook as it is made.
 * No cell is ever a formula; text a spreadsheet could take for one is stored as quote-prefixed text.
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
        try (XlsxStream book = new XlsxStream(out)) {
            new Writer(book, maxRowsPerSheet).write(screening, whatIf, generatedAt);
            book.finish();
        }
    }

    private static final CellLook PLAIN = CellLook.PLAIN;
    private static final CellLook BOLD = PLAIN.bolded();
    private static final CellLook HEADER = BOLD.filled(0xD9D9D9).withUnderline();
    private static final CellLook INTEGER = CellLook.number("0");
    private static final CellLook SIGNED = CellLook.number("+0;-0;0");
    private static final CellLook PERCENT = CellLook.number("0%");
    private static final CellLook PERCENT_ONE_DECIMAL = CellLook.number("0.0%");
    private static final CellLook RATIO = CellLook.number("0.00");
    private static final CellLook WEIGHT = CellLook.number("0.00%");
    private static final Map<Band, CellLook> BANDS = new EnumMap<>(Band.class);

    static {
        BAND_COLOURS.forEach((band, colour) ->
                BANDS.put(band, BOLD.filled(colour.rgb()).coloured(colour.whiteText() ? 0xFFFFFF : 0x000000).centre()));
    }

    /** One workbook being written: its sheets in order. */
    private static final class Writer {

        private final XlsxStream book;
        private final int maxRows;
        private int positions;

        Writer(XlsxStream book, int maxRows) {
            this.book = book;
            this.maxRows = maxRows;
        }

        void write(Screening screening, Map<String, WhatIfAnswers> whatIf, Instant generatedAt) {
            rankedAndFindings(screening);
            thesis(screening);
            if (whatIf != null) whatIf(screening, whatIf);
            if (screening.positions() != null) book(screening.positions());
            problems(screening);
            about(screening, generatedAt);
        }

        /** The ranked table and the findings, filled in one pass over the results. */
        private void rankedAndFindings(Screening screening) {
            Table ranked = new Table(RANKED, RANKED_HEADER, new int[]{6, 9, 28, 22, 7, 12, 12, 11, 26, 9, 12, 14, 10, 48, 40}, 2);
            Table findings = new Table(FINDINGS, FINDINGS_HEADER, new int[]{9, 17, 7, 110}, 1);
            int[] rank = {1};
            screening.results().forEachRanked(r -> {
                ranked(ranked.next(), rank[0]++, r);
                for (Finding f : r.findings()) {
                    Sheet row = findings.next();
                    row.text(0, r.ticker(), PLAIN);
                    row.text(1, f.ruleId(), PLAIN);
                    row.number(2, f.points(), SIGNED);
                    row.text(3, f.sentence(), PLAIN);
                }
            });
            ranked.finish();
            findings.finish();
        }

        private void ranked(Sheet row, int rank, Recommendation r) {
            DerivedFigures d = r.derived();
            row.number(0, rank, INTEGER);
            row.text(1, r.ticker(), PLAIN);
            row.text(2, r.name(), PLAIN);
            row.text(3, r.segment().name(), PLAIN);
            row.number(4, r.score(), INTEGER);
            row.text(5, r.band().name(), BANDS.get(r.band()));
            row.text(6, r.scoreBand().name(), BANDS.get(r.scoreBand()));
            row.number(7, r.confidence(), PERCENT);
            row.text(8, r.caps().stream().map(c -> c.ruleId() + " " + c.ceiling()).collect(Collectors.joining("; ")), PLAIN);
            row.number(9, d.moatAnchorCount(), INTEGER);
            row.number(10, d.volumeToDeflationRatio(), RATIO);
            row.number(11, d.impliedRevenuePerUnitGrowth(), PERCENT_ONE_DECIMAL);
            row.text(12, d.priceChangeAssumed() ? "yes" : "no", PLAIN);
            row.text(13, r.topFindings(TOP_FINDINGS).stream()
                    .map(f -> f.ruleId() + " " + Phrases.points(f.points()))
                    .collect(Collectors.joining(", ")), PLAIN);
            row.text(14, r.testsNotRun().stream()
                    .map(t -> t.ruleId() + " (needs " + String.join(", ", t.missingInputs()) + ")")
                    .collect(Collectors.joining("; ")), PLAIN);
        }

        private void thesis(Screening screening) {
            Table table = new Table(THESIS, THESIS_HEADER, new int[]{17, 140}, 1);
            screening.results().stats().thesis().forEach((ruleId, passage) -> {
                Sheet row = table.next();
                row.text(0, ruleId, PLAIN);
                row.text(1, passage, PLAIN);
            });
            table.finish();
        }

        /** One row per what-if answer: the nearest change of one input that moves the band. */
        private void whatIf(Screening screening, Map<String, WhatIfAnswers> whatIf) {
            Table table = new Table(WHAT_IF, WHAT_IF_HEADER, new int[]{9, 12, 28, 14, 12, 10, 90}, 1);
            screening.results().forEachRanked(r -> {
                WhatIfAnswers answers = whatIf.get(r.ticker());
                if (answers == null) return;
                List<String> sentences = new ArrayList<>(answers.lifts());
                sentences.addAll(answers.drops());
                List<WhatIf> ordered = new ArrayList<>(answers.answers().stream().filter(a -> WhatIf.UP.equals(a.direction())).toList());
                ordered.addAll(answers.answers().stream().filter(a -> WhatIf.DOWN.equals(a.direction())).toList());
                for (int i = 0; i < ordered.size(); i++) {
                    WhatIf answer = ordered.get(i);
                    Sheet row = table.next();
                    row.text(0, r.ticker(), PLAIN);
                    row.text(1, r.band().name(), BANDS.get(r.band()));
                    row.text(2, answer.field(), PLAIN);
                    if (answer.value() instanceof Number number) row.number(3, number, PLAIN);
                    else row.text(3, answer.value() instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(answer.value()), PLAIN);
                    row.text(4, answer.band().name(), BANDS.get(answer.band()));
                    row.text(5, answer.direction(), PLAIN);
                    row.text(6, sentences.get(i), PLAIN);
                }
            });
            table.finish();
        }

        /** The book: weight by band, weighted score, exposure per finding and cap, largest REDUCE/AVOID positions. */
        private void book(PositionFigures book) {
            Lines lines = new Lines(BOOK, new int[]{30, 14, 14});
            lines.next().text(0, "The book: weights are shares of the positions' total", BOLD);
            lines.count("Companies without a position", book.withoutPosition());
            Sheet score = lines.next();
            score.text(0, "Weighted score", BOLD);
            score.number(1, book.weightedScore(), PLAIN);
            lines.skip();
            weights(lines, "Band", book.byBand().entrySet().stream()
                    .map(e -> Map.entry(e.getKey().name(), e.getValue())).toList(), true);
            weights(lines, "Finding (rule id)", List.copyOf(book.byFinding().entrySet()), false);
            weights(lines, "Cap (rule id)", List.copyOf(book.byCap().entrySet()), false);
            Sheet heading = lines.next();
            heading.text(0, "Largest REDUCE/AVOID positions", HEADER);
            heading.text(1, "Weight", HEADER);
            heading.text(2, "Band", HEADER);
            for (PositionFigures.Holding holding : book.largestReduceOrAvoid()) {
                Sheet row = lines.next();
                row.text(0, holding.ticker() + (holding.name() == null ? "" : " " + holding.name()), PLAIN);
                row.number(1, holding.weight(), WEIGHT);
                row.text(2, holding.band().name(), BANDS.get(holding.band()));
            }
            lines.end();
        }

        private void weights(Lines lines, String heading, List<Map.Entry<String, Double>> weights, boolean banded) {
            Sheet row = lines.next();
            row.text(0, heading, HEADER);
            row.text(1, "Weight", HEADER);
            for (Map.Entry<String, Double> weight : weights) {
                Sheet line = lines.next();
                line.text(0, weight.getKey(), banded ? BANDS.get(Band.valueOf(weight.getKey())) : PLAIN);
                line.number(1, weight.getValue(), WEIGHT);
            }
            lines.skip();
        }

        private void problems(Screening screening) {
            Table table = new Table(PROBLEMS, PROBLEMS_HEADER, new int[]{14, 6, 8, 24, 20, 40, 100}, 0);
            if (screening.problems().isEmpty()) {
                table.next().text(0, NO_PROBLEMS, PLAIN);
            }
            for (RowProblem p : screening.problems()) {
                Sheet row = table.next();
                row.text(0, p.sheet(), PLAIN);
                row.number(1, p.row(), INTEGER);
                row.text(2, p.column(), PLAIN);
                row.text(3, p.header(), PLAIN);
                row.text(4, p.value(), PLAIN);
                row.text(5, p.expected(), PLAIN);
                row.text(6, p.message(), PLAIN);
            }
            table.finish();
        }

        private void about(Screening screening, Instant generatedAt) {
            Lines lines = new Lines(ABOUT, new int[]{24, 70});
            lines.next().text(0, "Thesis Screener results", BOLD);
            lines.item("Source file", screening.source());
            lines.item("Sheet", screening.sheet());
            lines.item("Rule-set version", screening.ruleSetVersion());
            lines.item("Generated at", generatedAt.truncatedTo(ChronoUnit.SECONDS).toString());
            lines.count("Rows read", screening.rowsRead());
            lines.count("Rows screened", screening.screened());
            lines.count("Rows rejected", screening.rowsRejected());
            lines.item("Ignored columns",
                    screening.ignoredColumns().isEmpty() ? "none" : String.join(", ", screening.ignoredColumns()));
            lines.skip();
            Sheet bandHeader = lines.next();
            bandHeader.text(0, "Band", HEADER);
            bandHeader.text(1, "Companies", HEADER);
            screening.bandCounts().forEach((band, companies) -> {
                Sheet row = lines.next();
                row.text(0, band.name(), BANDS.get(band));
                row.number(1, companies, INTEGER);
            });
            lines.skip();
            lines.next().text(0, "Score 0-100: 50 plus every finding's points, clamped once at the end. "
                    + "A band below 'Band from score alone' was lowered by a cap; the score is never changed.", PLAIN);
            lines.next().text(0, "Confidence: the share of the thesis tests for the company's segment "
                    + "that could be run with the inputs given.", PLAIN);
            lines.end();
        }

        /** A sheet of labelled lines rather than a table: no frozen header, no filter, blank lines allowed. */
        private final class Lines {

            private final Sheet sheet;
            private int next;

            Lines(String name, int[] widths) {
                sheet = book.sheet(name, positions++, new Layout(widths, 0, 0));
            }

            Sheet next() {
                return sheet.row(next++);
            }

            void skip() {
                next++;
            }

            void item(String label, String value) {
                Sheet row = next();
                row.text(0, label, BOLD);
                row.text(1, value, PLAIN);
            }

            void count(String label, int value) {
                Sheet row = next();
                row.text(0, label, BOLD);
                row.number(1, value, INTEGER);
            }

            void end() {
                sheet.end(0);
            }
        }

        /**
         * A table with a frozen header and an auto-filter; past the sheet's row limit it goes on in a new sheet,
         * "Name (2)", with the same header.
         */
        private final class Table {

            private final String name;
            private final List<String> headings;
            private final Layout layout;
            private final int position = positions++;
            private Sheet sheet;
            private int part;
            private int nextRow;

            Table(String name, List<String> headings, int[] widths, int frozenColumns) {
                this.name = name;
                this.headings = headings;
                this.layout = new Layout(widths, frozenColumns, 1);
                startSheet();
            }

            Sheet next() {
                if (nextRow >= maxRows) {
                    finish();
                    startSheet();
                }
                return sheet.row(nextRow++);
            }

            void finish() {
                sheet.end(headings.size());
            }

            private void startSheet() {
                part++;
                sheet = book.sheet(part == 1 ? name : name + " (" + part + ")", position, layout);
                sheet.row(0);
                for (int i = 0; i < headings.size(); i++) sheet.text(i, headings.get(i), HEADER);
                nextRow = 1;
            }
        }
    }
}
