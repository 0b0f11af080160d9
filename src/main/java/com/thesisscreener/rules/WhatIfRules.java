package com.thesisscreener.rules;

import com.thesisscreener.screening.WhatIfSearch;
import com.thesisscreener.screening.WhatIfSeeds;
import java.util.ArrayList;
import java.util.List;

/** The what-if search for a compiled rule set, seeded from the text of the same files the rules were compiled from. */
public final class WhatIfRules {

    /** The last rule set asked about: the service asks with the active one again and again. */
    private static volatile Cached last;

    private record Cached(RuleSet rules, WhatIfSearch search) {
    }

    private WhatIfRules() {
    }

    /** The search for {@code rules}, built once per rule set (decision tables are converted to DRL for the seeds). */
    public static WhatIfSearch searchFor(RuleSet rules) {
        Cached cached = last;
        if (cached != null && cached.rules() == rules) return cached.search();
        WhatIfSearch search = build(rules);
        last = new Cached(rules, search);
        return search;
    }

    private static WhatIfSearch build(RuleSet rules) {
        List<String> texts = new ArrayList<>();
        for (RuleFile file : rules.files()) {
            if (!file.isDecisionTable()) {
                texts.add(file.content());
                continue;
            }
            try {
                texts.add(DecisionTables.toDrl(file));
            } catch (RuleCompilationException unreadable) {
                // It compiled a moment ago; without its text the search only loses seeds, never answers.
            }
        }
        return new WhatIfSearch(rules.screener(), WhatIfSeeds.fromRuleTexts(texts));
    }
}
