package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * What the loaded rules say about themselves in their metadata: the id their findings carry
 * ({@code @id}, else the rule's name, so two rules may record one id), their points ({@code @points}),
 * thesis passages and thesis tests (one per id).
 */
final class RuleCatalogue {

    /** How a rule records its findings. */
    record Entry(String findingId, String thesis, Integer points) {
    }

    private final Map<String, Entry> byRuleName;
    /** The tests that apply, by segment, to a company that may sell through APIs and to one that does not. */
    private final Map<Segment, List<ThesisTest>> withApiRevenue = new EnumMap<>(Segment.class);
    private final Map<Segment, List<ThesisTest>> withoutApiRevenue = new EnumMap<>(Segment.class);

    private RuleCatalogue(Map<String, Entry> byRuleName, List<ThesisTest> tests) {
        this.byRuleName = Map.copyOf(byRuleName);
        for (Segment segment : Segment.values()) {
            withApiRevenue.put(segment, tests.stream().filter(test -> test.appliesTo(segment, true)).toList());
            withoutApiRevenue.put(segment, tests.stream().filter(test -> test.appliesTo(segment, false)).toList());
        }
    }

    /** Reads every rule's metadata; a metadata mistake is a problem of the rule set, reported per rule. */
    static RuleCatalogue of(KieBase kieBase, List<RuleProblem> problems) {
        Map<String, Entry> entries = new HashMap<>();
        Map<String, ThesisTest> tests = new HashMap<>();
        List<Rule> rules = kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .sorted(Comparator.comparing(Rule::getName)).toList();
        for (Rule rule : rules) {
            Map<String, Object> meta = rule.getMetaData();
            String id = text(meta, "id").orElse(rule.getName());
            entries.put(rule.getName(), new Entry(id, text(meta, "thesis").orElse(""), points(rule.getName(), meta, problems)));
            text(meta, "requires").ifPresent(requires -> addTest(tests, test(id, requires, meta, problems), rule.getName(), problems));
        }
        List<ThesisTest> sorted = new ArrayList<>(tests.values());
        sorted.sort(Comparator.comparing(ThesisTest::ruleId));
        return new RuleCatalogue(entries, sorted);
    }

    /** Rules recording one id are one thesis test, so they must describe it alike. */
    private static void addTest(Map<String, ThesisTest> tests, ThesisTest test, String ruleName, List<RuleProblem> problems) {
        ThesisTest earlier = tests.putIfAbsent(test.ruleId(), test);
        if (earlier != null && !earlier.equals(test)) {
            problems.add(new RuleProblem(ruleName, "records " + test.ruleId() + " like another rule but with other @requires, "
                    + "@segments or @apiLayer: rules sharing an id must describe the same thesis test"));
        }
    }

    private static Integer points(String ruleName, Map<String, Object> meta, List<RuleProblem> problems) {
        Optional<String> points = text(meta, "points");
        if (points.isEmpty()) return null;
        try {
            return Integer.valueOf(points.get().startsWith("+") ? points.get().substring(1) : points.get());
        } catch (NumberFormatException notWhole) {
            problems.add(new RuleProblem(ruleName, "@points(" + points.get() + ") is not a whole number such as @points(+10) or @points(-5)"));
            return null;
        }
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

    /** How the rule named {@code ruleName} records findings; a rule without metadata records its name, with no points. */
    Entry entryFor(String ruleName) {
        return byRuleName.getOrDefault(ruleName, new Entry(ruleName, "", null));
    }

    /** The tests that apply to {@code company}, by rule id: worked out once per rule set, not per company. */
    List<ThesisTest> testsFor(Company company) {
        return (company.mayHaveApiRevenue() ? withApiRevenue : withoutApiRevenue).get(company.segment());
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
