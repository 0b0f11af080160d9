package com.thesisscreener.rules;

import com.thesisscreener.screening.Screener;
import java.util.List;

/** A compiled, checked rule set: the files it came from, their content hash and the screener built on it. */
public record RuleSet(String version, List<RuleFile> files, int ruleCount, Screener screener) {

    public RuleSet {
        files = List.copyOf(files);
    }
}
