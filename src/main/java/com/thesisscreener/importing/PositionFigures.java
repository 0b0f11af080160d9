package com.thesisscreener.importing;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Cap;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the screening means for the book: weights are shares of the positions' total, rounded to 4 decimals
 * (0.1564 is 15.64 %), the weighted score to 2, so every view shows the same figures.
 *
 * @param byBand                 weight per band after caps, every band present, best first
 * @param weightedScore          the positions' weighted average score
 * @param byFinding              weight of the companies where each rule fired, largest first ("31 % of the book fails VOL-3X")
 * @param withoutPosition        companies screened but left out of these figures for want of a position
 * @param byCap                  weight of the companies under each cap, by the rule that put it there
 * @param largestReduceOrAvoid   the largest positions banded REDUCE or AVOID, largest first (at most {@value #LARGEST})
 */
public record PositionFigures(Map<Band, Double> byBand, double weightedScore, Map<String, Double> byFinding, int withoutPosition,
                              Map<String, Double> byCap, List<Holding> largestReduceOrAvoid) {

    static final int LARGEST = 5;

    /** One position: the company, its band and its weight in the book. */
    public record Holding(String ticker, String name, Band band, double weight) {
    }

    public PositionFigures {
        byBand = java.util.Collections.unmodifiableMap(new EnumMap<>(byBand));
        byFinding = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byFinding));
        byCap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCap));
        largestReduceOrAvoid = List.copyOf(largestReduceOrAvoid);
    }

    /**
     * The figures for results in import order (aligned with {@code positions}), or null when the file had no
     * position column, so a plain list of companies reads exactly as before.
     */
    public static PositionFigures of(List<Recommendation> results, Positions positions) {
        if (!positions.present()) return null;
        Builder book = new Builder(positions);
        for (int i = 0; i < results.size(); i++) book.add(results.get(i), i);
        return book.build();
    }

    /**
     * The figures for results in any order (as they stream from a spill or the database), matched to the imported
     * companies by ticker; null when the file had no position column.
     *
     * @param tickers the imported companies' tickers in import order, aligned with {@code positions}
     */
    public static PositionFigures of(Consumer<Consumer<Recommendation>> results, List<String> tickers, Positions positions) {
        if (!positions.present()) return null;
        Map<String, Integer> indexByTicker = new HashMap<>();
        for (int i = 0; i < tickers.size(); i++) indexByTicker.putIfAbsent(tickers.get(i), i);
        Builder book = new Builder(positions);
        results.accept(r -> {
            Integer index = indexByTicker.get(r.ticker());
            if (index != null) book.add(r, index);
        });
        return book.build();
    }

    /** Gathers the figures one result at a time, so a screening never has to hold all its results. */
    public static final class Builder {

        private final Positions positions;
        private final Map<Band, Double> byBand = new EnumMap<>(Band.class);
        private final Map<String, Double> byFinding = new HashMap<>();
        private final Map<String, Double> byCap = new HashMap<>();
        private final List<Holding> weak = new ArrayList<>();
        private double score;
        private int without;

        public Builder(Positions positions) {
            this.positions = positions;
            for (Band band : Band.values()) byBand.put(band, 0.0);
        }

        /** @param index the company's place in import order, as {@link Positions} counts */
        public void add(Recommendation r, int index) {
            if (!positions.has(index)) {
                without++;
                return;
            }
            double weight = positions.weight(index);
            byBand.merge(r.band(), weight, Double::sum);
            score += weight * r.score();
            Set<String> fired = new HashSet<>();
            for (Finding finding : r.findings()) {
                if (fired.add(finding.ruleId())) byFinding.merge(finding.ruleId(), weight, Double::sum);
            }
            Set<String> capped = new HashSet<>();
            for (Cap cap : r.caps()) {
                if (capped.add(cap.ruleId())) byCap.merge(cap.ruleId(), weight, Double::sum);
            }
            if (r.band() == Band.REDUCE || r.band() == Band.AVOID) {
                weak.add(new Holding(r.ticker(), r.name(), r.band(), round(weight, 4)));
                // Only the largest few are reported: keep the list short while streaming a large book.
                if (weak.size() > 4 * LARGEST) keepLargest();
            }
        }

        /** The figures, or null when the file had no position column. */
        public PositionFigures build() {
            if (!positions.present()) return null;
            Map<Band, Double> bands = new EnumMap<>(byBand);
            bands.replaceAll((band, weight) -> round(weight, 4));
            keepLargest();
            return new PositionFigures(bands, round(score, 2), largestFirst(byFinding), without, largestFirst(byCap), weak);
        }

        private void keepLargest() {
            weak.sort(Comparator.comparingDouble(Holding::weight).reversed().thenComparing(Holding::ticker));
            if (weak.size() > LARGEST) weak.subList(LARGEST, weak.size()).clear();
        }
    }

    /** As {@link #of(List, Positions)} for results in any order, matched to the imported companies by ticker. */
    public static PositionFigures of(List<Recommendation> results, List<com.thesisscreener.screening.Company> companies,
                                     Positions positions) {
        if (!positions.present()) return null;
        Map<String, Recommendation> byTicker = new HashMap<>();
        results.forEach(r -> byTicker.put(r.ticker(), r));
        List<Recommendation> inImportOrder = new ArrayList<>(companies.size());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < companies.size(); i++) {
            Recommendation result = byTicker.get(companies.get(i).ticker());
            if (result == null) continue;
            inImportOrder.add(result);
            kept.add(i);
        }
        return of(inImportOrder, positions.select(kept.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static Map<String, Double> largestFirst(Map<String, Double> weights) {
        Map<String, Double> ordered = new LinkedHashMap<>();
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), round(e.getValue(), 4)));
        return ordered;
    }

    private static double round(double value, int decimals) {
        return java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
