package com.thesisscreener.ui;

import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the three result charts draw, aggregated on the server so a run of 100,000 companies sends a few hundred
 * numbers, not 100,000 points: companies per band; companies per (moat anchors, score bin) cell, drawn as a
 * heat map instead of overlapping dots; a histogram of the volume/deflation ratio with the rule set's required
 * multiple, and the companies nearest that line. Each chart also has a sentence for screen readers.
 */
record ChartData(List<BandCount> bands, List<Cell> anchorScore, int scoreBin, Double requiredMultiple, double ratioBin,
                 List<Bin> ratios, int withoutRatio, int meetingLine, List<NearLine> nearestLine,
                 String bandsSummary, String anchorSummary, String ratioSummary) {

    static final int SCORE_BIN = 10;
    static final int RATIO_BINS = 16;
    static final int NEAREST = 8;
    private static final Pattern REQUIRED_MULTIPLE = Pattern.compile(
            "function\\s+double\\s+requiredVolumeMultiple\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+([0-9]+(?:\\.[0-9]+)?)\\s*;");

    record BandCount(Band band, String label, int count) {
    }

    /** Companies with {@code anchors} moat anchors whose score falls in [scoreFrom, scoreFrom + bin). */
    record Cell(int anchors, int scoreFrom, int count) {
    }

    /** Companies whose ratio falls in [from, to); the last bin is open-ended ({@code to} null). */
    record Bin(double from, Double to, int count, boolean meets) {
    }

    record NearLine(String ticker, double ratio) {
    }

    static ChartData of(List<Recommendation> results, Double requiredMultiple) {
        Map<Band, Integer> counts = new EnumMap<>(Recommendation.countByBand(results));
        List<BandCount> bands = new ArrayList<>();
        for (Band b : Band.values()) bands.add(new BandCount(b, label(b), counts.getOrDefault(b, 0)));

        int[][] grid = new int[4][100 / SCORE_BIN + 1];
        for (Recommendation r : results) grid[Math.min(3, anchors(r))][Math.max(0, Math.min(100, r.score())) / SCORE_BIN]++;
        List<Cell> cells = new ArrayList<>();
        for (int a = 0; a < grid.length; a++) {
            for (int s = 0; s < grid[a].length; s++) cells.add(new Cell(a, s * SCORE_BIN, grid[a][s]));
        }

        List<Double> ratios = results.stream().map(ChartData::ratio).filter(r -> r != null && Double.isFinite(r)).toList();
        double line = requiredMultiple == null ? 3 : requiredMultiple;
        double bin = 2 * line / RATIO_BINS; // the line falls on a bin edge, with as many bins above it as below
        int[] histogram = new int[RATIO_BINS];
        for (double r : ratios) histogram[(int) Math.max(0, Math.min(RATIO_BINS - 1, Math.floor(r / bin)))]++;
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < RATIO_BINS; i++) {
            double from = i * bin;
            bins.add(new Bin(round(from), i == RATIO_BINS - 1 ? null : round(from + bin), histogram[i],
                    requiredMultiple != null && from >= requiredMultiple - 1e-9));
        }
        int meeting = requiredMultiple == null ? 0 : (int) ratios.stream().filter(r -> r >= requiredMultiple).count();
        List<NearLine> nearest = requiredMultiple == null ? List.of() : results.stream().filter(r -> ratio(r) != null)
                .sorted(Comparator.comparingDouble((Recommendation r) -> Math.abs(ratio(r) - requiredMultiple)).thenComparing(Recommendation::ticker))
                .limit(NEAREST).map(r -> new NearLine(r.ticker(), round(ratio(r)))).toList();
        int without = results.size() - ratios.size();

        return new ChartData(bands, cells, SCORE_BIN, requiredMultiple, round(bin), bins, without, meeting, nearest,
                bandsSummary(bands, results.size()), anchorSummary(results), ratioSummary(requiredMultiple, ratios.size(), meeting, without, nearest));
    }

    /** The volume multiple the active rules require (volume.drl's requiredVolumeMultiple()), if they define one. */
    static Double requiredMultiple(List<RuleFile> files) {
        for (RuleFile file : files) {
            if (file.isDecisionTable()) continue;
            Matcher m = REQUIRED_MULTIPLE.matcher(file.content());
            if (m.find()) return Double.valueOf(m.group(1));
        }
        return null;
    }

    private static String bandsSummary(List<BandCount> bands, int total) {
        List<String> parts = bands.stream().map(b -> b.count() + " " + b.label()).toList();
        return total + " companies by band: " + String.join(", ", parts) + ".";
    }

    private static String anchorSummary(List<Recommendation> results) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a <= 3; a++) {
            int anchors = a;
            List<Integer> scores = results.stream().filter(r -> Math.min(3, anchors(r)) == anchors).map(Recommendation::score).sorted().toList();
            if (scores.isEmpty()) continue;
            parts.add(scores.size() + " with " + a + " anchor" + (a == 1 ? "" : "s") + " (median score " + scores.get(scores.size() / 2) + ")");
        }
        return parts.isEmpty() ? "No company to chart." : "Score against moat anchors: " + String.join("; ", parts) + ".";
    }

    private static String ratioSummary(Double line, int withRatio, int meeting, int without, List<NearLine> nearest) {
        if (line == null) return "The active rules set no required volume multiple; " + withRatio + " companies have a ratio.";
        String near = nearest.isEmpty() ? "" : " Nearest the line: " + String.join(", ",
                nearest.stream().map(n -> n.ticker() + " " + times(n.ratio())).toList()) + ".";
        return withRatio + " companies have a volume/deflation ratio; " + meeting + " meet the rules' " + times(line) + " line, "
                + (withRatio - meeting) + " fall short; " + without + " lack the inputs or have prices that did not fall." + near;
    }

    static String times(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "%.0fx" : "%.2fx", value);
    }

    private static String label(Band b) {
        return b.name().replace('_', ' ');
    }

    private static int anchors(Recommendation r) {
        return r.derived() == null ? 0 : r.derived().moatAnchorCount();
    }

    private static Double ratio(Recommendation r) {
        return r.derived() == null ? null : r.derived().volumeToDeflationRatio();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
