package com.thesisscreener.ui;

import com.thesisscreener.rules.LineDiff;
import java.util.List;
import org.springframework.stereotype.Component;

/** Diffs as the proposal page shows them, as {@code ${@proposalDiffs.near(...)}}: changes with three lines of context. */
@Component("proposalDiffs")
public class ProposalDiffs {

    public List<LineDiff.Line> near(List<LineDiff.Line> diff) {
        return LineDiff.near(diff, 3);
    }
}
