package com.thesisscreener.report;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Recommendation;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** Ranked results as CSV, one row per company written as it is read, safe to open in a spreadsheet. */
public final class CsvReport {

    private static final List<String> HEADER = List.of("rank", "ticker", "name", "segment", "score", "band", "scoreBand",
            "confidence", "caps", "moatAnchorCount", "volumeToDeflationRatio", "impliedRevenuePerUnitGrowth",
            "priceChangeAssumed", "findings", "testsNotRun", "ruleSetVersion");

    private CsvReport() {
    }

    public static void write(Screening screening, PrintWriter out) {
        out.print(String.join(",", HEADER) + "\r\n");
        int[] next = {1};
        screening.results().forEachRanked(r -> {
            int rank = next[0]++;
            DerivedFigures d = r.derived();
            List<String> cells = List.of(
                    String.valueOf(rank), text(r.ticker()), text(r.name()), r.segment().name(), String.valueOf(r.score()),
                    r.band().name(), r.scoreBand().name(), String.valueOf(round(r.confidence())),
                    text(r.caps().stream().map(c -> c.ruleId() + " " + c.ceiling()).collect(Collectors.joining("; "))),
                    String.valueOf(d.moatAnchorCount()), number(d.volumeToDeflationRatio()),
                    number(d.impliedRevenuePerUnitGrowth()), String.valueOf(d.priceChangeAssumed()),
                    text(r.findings().stream().map(f -> f.ruleId() + " " + Phrases.points(f.points()) + ": " + f.sentence())
                            .collect(Collectors.joining("; "))),
                    text(r.testsNotRun().stream().map(t -> t.ruleId() + " (" + String.join(" ", t.missingInputs()) + ")")
                            .collect(Collectors.joining("; "))),
                    text(r.ruleSetVersion()));
            out.print(cells.stream().map(CsvReport::quote).collect(Collectors.joining(",")) + "\r\n");
        });
        out.flush();
    }

    /**
     * Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return)
     * is prefixed with an apostrophe so it stays text.
     */
    static String text(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) return cell;
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String number(Double value) {
        return value == null ? "" : String.valueOf(round(value));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
