package com.thesisscreener.screening;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The screening result for one company.
 *
 * @param score          0..100: the starting score plus every finding's points, clamped once at the end
 * @param scoreBand      the band the score alone reaches
 * @param band           the band after caps: the lower of {@code scoreBand} and every cap
 * @param confidence     thesis tests evaluated / thesis tests applicable to the company, 0..1
 * @param findings       every rule that fired, largest effect first
 * @param ruleSetVersion content hash of the rule files that produced this result
 */
public record Recommendation(
        String ticker,
        String name,
        Segment segment,
        int score,
        Band scoreBand,
        Band band,
        double confidence,
        List<Finding> findings,
        List<Cap> caps,
        DerivedFigures derived,
        List<TestNotRun> testsNotRun,
        String ruleSetVersion) {

    /** Best recommendation first: by band after caps, then score, then ticker so ties read the same every run. */
    public static final Comparator<Recommendation> RANKING = Comparator.comparing(Recommendation::band)
            .thenComparing(Comparator.comparingInt(Recommendation::score).reversed())
            .thenComparing(Recommendation::ticker);

    public Recommendation {
        findings = List.copyOf(findings);
        caps = List.copyOf(caps);
        testsNotRun = List.copyOf(testsNotRun);
    }

    /** Companies per band (after caps), every band present with zero where none, best band first. */
    public static Map<Band, Integer> countByBand(Collection<Recommendation> results) {
        Map<Band, Integer> counts = new EnumMap<>(Band.class);
        for (Band band : Band.values()) counts.put(band, 0);
        results.forEach(r -> counts.merge(r.band(), 1, Integer::sum));
        return counts;
    }

    /** The first {@code n} findings by size of effect, for one-line summaries. */
    public List<Finding> topFindings(int n) {
        return findings.subList(0, Math.min(n, findings.size()));
    }
}
