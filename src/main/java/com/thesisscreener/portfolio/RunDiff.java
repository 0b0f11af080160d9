package com.thesisscreener.portfolio;

import com.thesisscreener.screening.ResultChanges;
import java.util.List;

/**
 * What changed between two runs of one portfolio: companies whose band, score or findings differ
 * from the {@code against} run to this run.
 */
public record RunDiff(long runId, String ruleSetVersion, long againstRunId, String againstRuleSetVersion,
                      List<ResultChanges.Change> changes, int unchanged) {
}
