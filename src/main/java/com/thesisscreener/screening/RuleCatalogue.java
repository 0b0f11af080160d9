package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** What the loaded rules say about themselves in their metadata: thesis passages and thesis tests. */
final class RuleCatalogue {

    private final Map<String, String> thesisByRule;
    private final List<ThesisTest> tests;

    private RuleCatalogue(Map<String, String> thesisByRule, List<ThesisTest> tests) {
        this.thesisByRule = Map.copyOf(thesisByRule);
        this.tests = List.copyOf(tests);
    }

    /** Reads every rule's metadata; a metadata mistake is a problem of the rule set, reported per rule. */
    static RuleCatalogue of(KieBase kieBase, List<RuleProblem> problems) {
        Map<String, String> thesis = new HashMap<>();
        List<ThesisTest> tests = new ArrayList<>();
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                text(meta, "thesis").ifPresent(passage -> thesis.put(rule.getName(), passage));
                text(meta, "requires").ifPresent(requires -> tests.add(test(rule.getName(), requires, meta, problems)));
            }
        }
        tests.sort(Comparator.comparing(ThesisTest::ruleId));
        return new RuleCatalogue(thesis, tests);
    }

    private static ThesisTest test(String ruleId, String requires, Map<String, Object> meta, List<RuleProblem> problems) {
        List<CompanyField> fields = new ArrayList<>();
        long mask = 0;
        for (String name : split(requires)) {
            Optional<CompanyField> field = CompanyField.byName(name);
            if (field.isPresent()) {
                fields.add(field.get());
                mask |= 1L << field.get().ordinal();
            } else {
                problems.add(new RuleProblem(ruleId, "@requires names '" + name + "', which is not an input; inputs are "
                        + String.join(", ", java.util.Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).toList())));
            }
        }
        Set<Segment> segments = EnumSet.noneOf(Segment.class);
        for (String name : text(meta, "segments").map(RuleCatalogue::split).orElse(List.of())) {
            try {
                segments.add(Segment.valueOf(name));
            } catch (IllegalArgumentException unknown) {
                problems.add(new RuleProblem(ruleId, "@segments names '" + name + "', which is not a segment; segments are "
                        + java.util.Arrays.toString(Segment.values())));
            }
        }
        return new ThesisTest(ruleId, fields, mask, segments, meta.containsKey("apiLayer"));
    }

    String thesisFor(String ruleId) {
        return thesisByRule.getOrDefault(ruleId, "");
    }

    List<ThesisTest> tests() {
        return tests;
    }

    private static List<String> split(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Metadata values arrive as written in the file, quotes included. */
    private static Optional<String> text(Map<String, Object> meta, String key) {
        Object value = meta.get(key);
        if (value == null) return Optional.empty();
        String text = value.toString().strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).replace("\\\"", "\"");
        }
        return Optional.of(text);
    }
}
