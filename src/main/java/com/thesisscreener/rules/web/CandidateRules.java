package com.thesisscreener.rules.web;

import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.RuleFile;
import java.util.List;

/**
 * Rule files a client wants checked: laid over the active set by name (so one edited file can be checked with the
 * rest), or used alone when {@code replace} is set.
 */
record CandidateRules(List<SentFile> files, Boolean replace) {

    /** A rule file sent as JSON: DRL as text. */
    record SentFile(String name, String content) {
    }

    boolean replacesAll() {
        return Boolean.TRUE.equals(replace);
    }

    List<RuleFile> ruleFiles() {
        if (files == null) return List.of();
        return files.stream().map(f -> f == null ? RuleEditing.sent(null, null) : RuleEditing.sent(f.name(), f.content())).toList();
    }
}
