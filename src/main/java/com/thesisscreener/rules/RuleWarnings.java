package com.thesisscreener.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Problems that do not stop a rule set but that an analyst should fix; read from the {@link ThesisCatalogue} of the files. */
final class RuleWarnings {

    private RuleWarnings() {
    }

    /** {@code files} hold DRL text (a decision table's generated DRL); {@code thesisRuleIds} are the ids the thesis names. */
    static List<RuleError> of(List<RuleFile> files, Set<String> thesisRuleIds) {
        ThesisCatalogue catalogue = ThesisCatalogue.ofDrl(files, List.of());
        List<RuleError> warnings = new ArrayList<>();
        for (ThesisCatalogue.ThesisRule rule : catalogue.rules()) {
            String text = textOf(files, rule.file());
            if (rule.recordsFindings() && !rule.hasThesis()) {
                warnings.add(RulePolicy.at(rule.file(), text, rule.offset(), "rule " + rule.name()
                        + " records findings but has no @thesis(\"...\"): its findings will show no thesis passage; "
                        + "quote the sentence of the thesis it encodes (docs/thesis.md)"));
            }
            if (rule.needsPoints() && rule.points().isEmpty()) {
                warnings.add(RulePolicy.at(rule.file(), text, rule.offset(), "rule " + rule.name()
                        + " records a finding without points and has no @points(...): screening a company it fires for will fail; "
                        + "add @points(+5) (or the points it is worth) under its @thesis"));
            }
            if (rule.readsDerivedProperty()) continue; // moatAnchorCount and the like read inputs only Java knows
            for (String field : rule.requires()) {
                if (!rule.reads().contains(field)) {
                    warnings.add(RulePolicy.at(rule.file(), text, rule.requiresOffset(), "rule " + rule.name() + " @requires '"
                            + field + "' but its condition never reads it: the test counts as run whenever " + field
                            + " is known; use it in the condition or drop it from @requires"));
                }
            }
        }
        if (!catalogue.unreadFiles().isEmpty()) return warnings; // their rules are unknown here; the compiler reports them
        Set<String> defined = catalogue.definedIds();
        for (String id : thesisRuleIds) {
            if (!defined.contains(id)) {
                warnings.add(new RuleError("THESIS.md", 0, 0, "thesis rule id " + id
                        + " is defined by no rule file: results will never show it; add a rule named \"" + id + "\""));
            }
        }
        return warnings;
    }

    private static String textOf(List<RuleFile> files, String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().map(RuleFile::content).orElse("");
    }
}
