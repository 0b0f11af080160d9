package com.thesisscreener.rules.web;

import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.web.InvalidRequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule files a client wants checked: laid over the active set by name (so one edited file can be
 * checked with the rest), or used alone when {@code replace} is set.
 */
record CandidateRules(List<SentFile> files, Boolean replace) {

    /** A rule file sent as JSON: DRL as text. */
    record SentFile(String name, String content) {
    }

    static List<RuleFile> merge(List<RuleFile> active, List<RuleFile> sent, boolean replace) {
        if (sent.isEmpty()) throw new InvalidRequestException("send at least one rule file (*.drl or *.drl.xlsx)", "files");
        Map<String, RuleFile> merged = new LinkedHashMap<>();
        if (!replace) active.forEach(file -> merged.put(file.name(), file));
        for (RuleFile file : sent) {
            checkName(file.name());
            merged.put(file.name(), file);
        }
        List<RuleFile> files = new ArrayList<>(merged.values());
        files.sort(Comparator.comparing(RuleFile::name));
        return files;
    }

    boolean replacesAll() {
        return Boolean.TRUE.equals(replace);
    }

    List<RuleFile> ruleFiles() {
        if (files == null) return List.of();
        return files.stream().map(f -> {
            if (f == null || f.name() == null || f.content() == null) {
                throw new InvalidRequestException("every file needs a name and a content", "files");
            }
            return new RuleFile(f.name(), f.content());
        }).toList();
    }

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")
                || !(name.endsWith(".drl") || name.endsWith(".drl.xlsx"))) {
            throw new InvalidRequestException("'" + name + "' is not a rule file name: use a plain name ending .drl or .drl.xlsx", "files");
        }
    }
}
