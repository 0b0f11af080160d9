package com.thesisscreener.screening;

import java.util.Set;

/** The rule ids THESIS.md names; results must show exactly these so analysts can look findings up. */
public final class ThesisRuleIds {

    public static final Set<String> ALL = Set.of("MOAT-DATA", "MOAT-DIST", "MOAT-COMPUTE", "MOAT-DURABLE", "MOAT-NONE",
            "API-OPEN-SOURCE", "API-MARGIN", "VOL-3X", "VOL-SHORT", "VOL-SHRINK", "VOL-ASSUMED", "TIER1-RERATED",
            "TIER2-NEXT-LEG", "CHIP-INHOUSE", "CHIP-DEMAND", "RISK-EU-ACT", "RISK-FAB", "RISK-DEMAND", "WATCH-AGENTIC",
            "WATCH-SOVEREIGN");

    private ThesisRuleIds() {
    }
}
