package com.thesisscreener.report;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a report needs to know about all the results before it writes the first one.
 *
 * @param count         results
 * @param bandCounts    companies per band (after caps), every band present, best first
 * @param longestName   characters in the longest company name, for the width of a text table
 * @param thesisByRule  the thesis passage of every rule that fired, by rule id, in rule id order
 */
public record ResultStats(int count, Map<Band, Integer> bandCounts, int longestName, Map<String, String> thesisByRule) {

    public ResultStats {
        bandCounts = Map.copyOf(bandCounts);
        thesisByRule = Map.copyOf(thesisByRule);
    }

    /** Band counts best band first, as a report lists them. */
    public Map<Band, Integer> bands() {
        return new EnumMap<>(bandCounts);
    }

    /** Thesis passages in rule id order. */
    public Map<String, String> thesis() {
        return new TreeMap<>(thesisByRule);
    }

    /** Gathers the figures one result at a time. */
    public static final class Builder {

        private int count;
        private final Map<Band, Integer> bands = new EnumMap<>(Band.class);
        private int longestName;
        private final Map<String, String> thesis = new TreeMap<>();

        public Builder() {
            for (Band band : Band.values()) bands.put(band, 0);
        }

        public Builder add(Recommendation r) {
            count++;
            bands.merge(r.band(), 1, Integer::sum);
            if (r.name() != null) longestName = Math.max(longestName, r.name().length());
            for (Finding f : r.findings()) {
                if (!f.thesis().isEmpty()) thesis.putIfAbsent(f.ruleId(), f.thesis());
            }
            return this;
        }

        public ResultStats build() {
            return new ResultStats(count, bands, longestName, thesis);
        }
    }
}
