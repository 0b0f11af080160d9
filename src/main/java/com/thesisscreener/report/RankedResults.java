package com.thesisscreener.report;

import com.thesisscreener.screening.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Results in rank order (best first, {@link Recommendation#RANKING}), read as often as a report needs, without
 * having to hold them all: from a list, from the sorted runs a large screening spilled, or from the database.
 */
public interface RankedResults {

    ResultStats stats();

    /** Hands every result to {@code each}, best first. */
    void forEachRanked(Consumer<? super Recommendation> each);

    /** Results held in memory, ranked once here. */
    static RankedResults of(List<Recommendation> results) {
        List<Recommendation> ranked = results.stream().sorted(Recommendation.RANKING).toList();
        ResultStats.Builder stats = new ResultStats.Builder();
        ranked.forEach(stats::add);
        ResultStats built = stats.build();
        return new RankedResults() {
            @Override
            public ResultStats stats() {
                return built;
            }

            @Override
            public void forEachRanked(Consumer<? super Recommendation> each) {
                ranked.forEach(each);
            }
        };
    }

    /** Every result in rank order, in memory: for small screenings and tests. */
    default List<Recommendation> toList() {
        List<Recommendation> all = new ArrayList<>(stats().count());
        forEachRanked(all::add);
        return all;
    }
}
