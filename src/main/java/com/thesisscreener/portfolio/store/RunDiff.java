package com.thesisscreener.portfolio.store;

import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Finding;
import java.util.List;

/**
 * What changed between two runs of one portfolio: companies whose band, score or findings differ.
 *
 * @param unchanged companies with the same score, band and findings in both runs
 */
public record RunDiff(long runId, String ruleSetVersion, long againstRunId, String againstRuleSetVersion,
                      List<Change> changes, int unchanged) {

    /** One company's change from the {@code against} run to this run; added findings fire only in this run. */
    public record Change(String ticker, String name, Integer scoreBefore, Integer scoreAfter, Band bandBefore, Band bandAfter,
                         List<Finding> findingsAdded, List<Finding> findingsRemoved) {
    }
}
