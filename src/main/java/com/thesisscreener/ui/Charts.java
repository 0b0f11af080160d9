package com.thesisscreener.ui;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Geometry for the three result charts, drawn as plain SVG by the template (no script, no library):
 * companies per band; score against moat anchor count; volume/deflation ratio against the thesis's 3x line.
 */
record Charts(List<BandBar> bands, List<Point> scatter, List<RatioBar> ratios, double ratioLineX, double ratioAxisMax,
              int ratioHeight, int withoutRatio, List<Tick> ratioTicks) {

    static final int BAR_WIDTH = 300;
    static final double REQUIRED_MULTIPLE = 3.0;
    static final int RATIO_WIDTH = 320;
    static final int RATIO_LEFT = 70;
    static final int RATIO_ROW = 16;
    static final int MAX_RATIO_ROWS = 40;

    record BandBar(Band band, int count, double y, double width, String label) {
        public String cssClass() {
            return "band-" + band.name();
        }
    }

    record Point(String ticker, double cx, double cy, Band band, String title) {
        public String cssClass() {
            return "dot band-" + band.name();
        }
    }

    record RatioBar(String ticker, double y, double width, String label, boolean meets, boolean clipped) {
        public String cssClass() {
            return meets ? "ratio meets" : "ratio short";
        }

        public double textY() {
            return y + 11;
        }

        public double valueX() {
            return RATIO_LEFT + width + 4;
        }
    }

    record Tick(double x, String label) {
    }

    static Charts of(List<Recommendation> results) {
        Map<Band, Integer> counts = Recommendation.countByBand(results);
        int most = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        List<BandBar> bands = new ArrayList<>();
        int i = 0;
        for (Band b : Band.values()) {
            int n = counts.get(b);
            bands.add(new BandBar(b, n, 10 + i * 30, n == 0 ? 0 : Math.max(2, (double) n / most * BAR_WIDTH), b.name().replace('_', ' ')));
            i++;
        }

        // Score (y, 0..100 upward) against moat anchors (x, 0..3), spread within a column so points do not hide each other.
        List<Point> scatter = new ArrayList<>();
        Map<Integer, Integer> perColumn = new HashMap<>();
        Map<Integer, Long> columnSizes = new HashMap<>();
        results.forEach(r -> columnSizes.merge(anchors(r), 1L, Long::sum));
        for (Recommendation r : results) {
            int anchors = anchors(r);
            int k = perColumn.merge(anchors, 1, Integer::sum) - 1;
            long size = columnSizes.get(anchors);
            double spread = size <= 1 ? 0 : (k / (double) (size - 1) - 0.5) * 50;
            double cx = 70 + anchors * 90 + spread;
            double cy = 20 + (100 - r.score()) * 2.0;
            scatter.add(new Point(r.ticker(), cx, cy, r.band(), r.ticker() + ": score " + r.score() + ", " + anchors + " moat anchor(s), "
                    + r.band()));
        }

        // Volume growth / price deflation per company that has it, largest first, against the 3x line.
        List<Recommendation> withRatio = results.stream().filter(r -> r.derived() != null && r.derived().volumeToDeflationRatio() != null)
                .sorted(Comparator.comparingDouble((Recommendation r) -> r.derived().volumeToDeflationRatio()).reversed()
                        .thenComparing(Recommendation::ticker))
                .limit(MAX_RATIO_ROWS).toList();
        double largest = withRatio.stream().mapToDouble(r -> r.derived().volumeToDeflationRatio()).max().orElse(REQUIRED_MULTIPLE);
        double axisMax = Math.min(10, Math.max(4, Math.ceil(largest)));
        List<RatioBar> ratios = new ArrayList<>();
        int row = 0;
        for (Recommendation r : withRatio) {
            double ratio = r.derived().volumeToDeflationRatio();
            double shown = Math.max(0, Math.min(ratio, axisMax));
            ratios.add(new RatioBar(r.ticker(), 10 + row * RATIO_ROW, shown / axisMax * RATIO_WIDTH,
                    String.format(Locale.ROOT, "%.1fx", ratio), ratio >= REQUIRED_MULTIPLE, ratio > axisMax));
            row++;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= axisMax; t++) ticks.add(new Tick(RATIO_LEFT + t / axisMax * RATIO_WIDTH, t + "x"));
        int withoutRatio = (int) results.stream().filter(r -> r.derived() == null || r.derived().volumeToDeflationRatio() == null).count();
        return new Charts(bands, scatter, ratios, RATIO_LEFT + REQUIRED_MULTIPLE / axisMax * RATIO_WIDTH, axisMax,
                30 + Math.max(1, ratios.size()) * RATIO_ROW, withoutRatio, ticks);
    }

    private static int anchors(Recommendation r) {
        return r.derived() == null ? 0 : r.derived().moatAnchorCount();
    }
}
