package com.thesisscreener.ui;

import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.screening.Band;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The book on the results page: weight by band as SVG bars (widths as attributes: the page's policy allows no
 * inline style), the weighted score, and the exposures, all from {@link PositionFigures} as every other view shows them.
 */
record BookChart(PositionFigures book, List<Bar> bars, List<Exposure> findings, List<Exposure> caps, List<Exposure> largest) {

    static final int BAR_WIDTH = 300;

    record Bar(Band band, double y, double width, String label, String percent) {
        public String cssClass() {
            return "band-" + band.name();
        }
    }

    record Exposure(String name, String percent) {
    }

    /** Null when the portfolio has no positions, so the page shows no book section. */
    static BookChart of(PositionFigures book) {
        if (book == null) return null;
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Band, Double> weight : book.byBand().entrySet()) {
            bars.add(new Bar(weight.getKey(), 8 + i++ * 28, weight.getValue() * BAR_WIDTH, weight.getKey().name().replace('_', ' '),
                    percent(weight.getValue())));
        }
        List<Exposure> largest = book.largestReduceOrAvoid().stream()
                .map(h -> new Exposure(h.ticker() + " (" + h.band() + ")", percent(h.weight()))).toList();
        return new BookChart(book, bars, exposures(book.byFinding()), exposures(book.byCap()), largest);
    }

    private static List<Exposure> exposures(Map<String, Double> weights) {
        return weights.entrySet().stream().map(e -> new Exposure(e.getKey(), percent(e.getValue()))).toList();
    }

    /** 0.1564 -> "15.64%". */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
