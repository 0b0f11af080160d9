package com.thesisscreener.report;

import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Cap;
import com.thesisscreener.screening.DerivedFigures;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.TestNotRun;
import com.thesisscreener.screening.WhatIfAnswers;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The terminal view: a ranked table with a summary, and the full explanation of one company. */
public final class TextReport {

    private static final int TOP_FINDINGS = 3;

    private TextReport() {
    }

    /** The ranked table, one line per company as it is read in rank order, then the summary. */
    public static void table(Screening screening, PrintWriter out) {
        int nameWidth = Math.min(28, Math.max(4, screening.results().stats().longestName()));
        String format = "%4s  %-7s %-" + nameWidth + "s %-20s %5s  %-10s %5s  %s%n";
        out.printf(format, "RANK", "TICKER", "NAME", "SEGMENT", "SCORE", "BAND", "CONF", "TOP FINDINGS");
        int[] rank = {1};
        boolean[] capped = {false};
        screening.results().forEachRanked(r -> {
            capped[0] |= r.band() != r.scoreBand();
            out.printf(format, rank[0]++, r.ticker(), truncate(text(r.name()), nameWidth), r.segment(), r.score(),
                    r.band() + (r.band() != r.scoreBand() ? "*" : ""), percent(r.confidence()), topFindings(r));
        });
        out.println();
        if (capped[0]) out.println("* band lowered by a cap (see --explain TICKER)");
        summary(screening, out);
    }

    public static void summary(Screening screening, PrintWriter out) {
        out.printf("%d companies screened from %s%s; %d row(s) read, %d rejected%s%n",
                screening.screened(), screening.source(),
                screening.sheet() == null ? "" : " (sheet '" + screening.sheet() + "')",
                screening.rowsRead(), screening.rowsRejected(),
                screening.ignoredColumns().isEmpty() ? "" : "; ignored columns: " + String.join(", ", screening.ignoredColumns()));
        out.println("Bands: " + bands(screening.bandCounts()));
        if (screening.positions() != null) positions(screening.positions(), out);
        out.println("Rule set " + screening.ruleSetVersion());
    }

    /** The book: weight by band, weighted score, exposure per finding and cap, the largest weak positions. */
    public static void positions(PositionFigures book, PrintWriter out) {
        out.println("Book (weights of positions; " + book.withoutPosition() + " compan" + (book.withoutPosition() == 1 ? "y" : "ies")
                + " without a position left out):");
        out.println("  weight by band: " + book.byBand().entrySet().stream()
                .map(e -> e.getKey() + " " + weight(e.getValue())).collect(Collectors.joining(", ")));
        out.println("  weighted score: " + book.weightedScore());
        if (!book.byFinding().isEmpty()) {
            out.println("  exposure by finding: " + book.byFinding().entrySet().stream()
                    .map(e -> e.getKey() + " " + weight(e.getValue())).collect(Collectors.joining(", ")));
        }
        if (!book.byCap().isEmpty()) {
            out.println("  under a cap: " + book.byCap().entrySet().stream()
                    .map(e -> e.getKey() + " " + weight(e.getValue())).collect(Collectors.joining(", ")));
        }
        if (!book.largestReduceOrAvoid().isEmpty()) {
            out.println("  largest REDUCE/AVOID positions: " + book.largestReduceOrAvoid().stream()
                    .map(h -> h.ticker() + " " + weight(h.weight()) + " (" + h.band() + ")").collect(Collectors.joining(", ")));
        }
    }

    /** 0.1564 -> "15.64%". */
    static String weight(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    public static void explain(Recommendation r, PrintWriter out) {
        explain(r, null, out);
    }

    /** The explanation with a "What would it take" section when {@code whatIf} is given. */
    public static void explain(Recommendation r, WhatIfAnswers whatIf, PrintWriter out) {
        out.printf("%s  %s  (%s)%n", r.ticker(), text(r.name()), r.segment());
        out.printf("Score %d -> %s%s; confidence %s%n", r.score(), r.band(),
                r.band() != r.scoreBand() ? " (score alone: " + r.scoreBand() + ")" : "", percent(r.confidence()));
        for (Cap cap : r.caps()) {
            out.printf("Cap: %s holds the band at %s or below%n", cap.ruleId(), cap.ceiling());
        }
        DerivedFigures d = r.derived();
        out.printf("Moat anchors: %d of 3", d.moatAnchorCount());
        if (d.volumeToDeflationRatio() != null) out.print("; volume/deflation ratio " + Phrases.times(d.volumeToDeflationRatio()));
        if (d.impliedRevenuePerUnitGrowth() != null) out.print("; implied revenue per unit " + Phrases.signedPct(d.impliedRevenuePerUnitGrowth()));
        if (d.priceChangeAssumed()) out.print(" (price change assumed)");
        out.println();
        out.println();
        out.println("Findings:");
        if (r.findings().isEmpty()) out.println("  (no rule fired)");
        for (Finding f : r.findings()) {
            out.printf("  %-16s %+4d  %s%n", f.ruleId(), f.points(), f.sentence());
            if (!f.thesis().isEmpty()) out.printf("  %-16s       thesis: \"%s\"%n", "", f.thesis());
        }
        if (!r.testsNotRun().isEmpty()) {
            out.println();
            out.println("Thesis tests not run for missing data:");
            for (TestNotRun t : r.testsNotRun()) {
                out.printf("  %-16s needs %s%n", t.ruleId(), String.join(", ", t.missingInputs()));
            }
        }
        if (whatIf != null) {
            out.println();
            whatIf(whatIf, out);
        }
        out.println();
        out.println("Rule set " + r.ruleSetVersion());
    }

    /** "What would it take": the nearest single change of each input that lifts or drops the band. */
    public static void whatIf(WhatIfAnswers answers, PrintWriter out) {
        out.println("What would it take (" + answers.ticker() + ", " + answers.today() + "; one input changed, all others as they are):");
        if (answers.answers().isEmpty()) out.println("  no single change of a known input moves the band within its plausible range");
        answers.lifts().forEach(sentence -> out.println("  lift: " + sentence));
        answers.drops().forEach(sentence -> out.println("  drop: " + sentence));
    }

    static String topFindings(Recommendation r) {
        return r.topFindings(TOP_FINDINGS).stream()
                .map(f -> f.ruleId() + " " + Phrases.points(f.points()))
                .collect(Collectors.joining(", "));
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String truncate(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width - 1) + "~";
    }

    private static String bands(Map<Band, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
