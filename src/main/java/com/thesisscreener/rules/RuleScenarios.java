package com.thesisscreener.rules;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Cap;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.InputValue;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Rule tests written by analysts: YAML files under {@code rules/tests/}, each holding one scenario or a
 * list of them. A scenario is a company's inputs (the THESIS.md field names) and what the rules must make
 * of it: the band, a score or score range, findings that must or must not appear, and caps.
 *
 * <pre>
 * scenarios:
 *   - name: volume growth 3.5x the price deflation earns VOL-3X
 *     company:
 *       segment: OTHER
 *       apiRevenueShare: 20%
 *       tokenVolumeGrowth: 1.75          # +175 %
 *       pricePerTokenChange: -50%
 *     expect:
 *       band: BUY
 *       score: 65                        # or  score: { min: 60, max: 70 }
 *       findings: [VOL-3X +15]           # rule ids, optionally with their points
 *       absent: [VOL-SHORT, VOL-SHRINK]  # rule ids that must not fire
 *       caps: []                         # [] means no cap; entries are rule ids or bands
 * </pre>
 *
 * Values are read by the same parser as portfolio cells ({@link CompanyField#read}): {@code 45%} or
 * {@code 0.45} (a share of {@code 45} is refused), {@code 0,45} is 0.45, {@code 2.5x}, {@code $10B}, yes/no,
 * the importer's "missing" markers ({@code n/a}, {@code -}, ...); a field left out or YAML's null is "not known". Every scenario is screened in one batch with the
 * given rule set; a failing one reports what came out instead.
 */
public final class RuleScenarios {

    private static final Set<String> SCENARIO_KEYS = Set.of("name", "company", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("band", "score", "findings", "absent", "caps");
    private static final Map<String, CompanyField> FIELDS = Arrays.stream(CompanyField.values())
            .collect(Collectors.toMap(f -> f.fieldName().toLowerCase(Locale.ROOT), f -> f));

    private RuleScenarios() {
    }

    /** One scenario as written: where it is, what it feeds the rules and what it expects. */
    public record Scenario(String file, int line, String name, Company company, Expectation expect) {

        /** {@code file:line "name"}. */
        public String where() {
            return file + ":" + line + " \"" + name + "\"";
        }
    }

    /**
     * What a scenario expects; a {@code null} part is not checked.
     *
     * @param findings rule ids that must fire, each with the points it must give when written ("VOL-3X +15")
     * @param caps     caps that must be exactly these (rule ids or bands); an empty list means "no cap"
     */
    public record Expectation(Band band, Integer minScore, Integer maxScore, Map<String, Integer> findings,
                              List<String> absent, List<String> caps) {
    }

    /** A scenario and what the rules made of it. */
    public record Outcome(Scenario scenario, Recommendation result, List<String> failures) {

        public Outcome {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }

        /** What came out: score, band (and the score's band when a cap lowered it), findings with points, caps. */
        public String actual() {
            String band = result.band() == result.scoreBand() ? result.band().name()
                    : result.band() + " (score band " + result.scoreBand() + ", capped)";
            String findings = result.findings().isEmpty() ? "none" : result.findings().stream()
                    .map(f -> f.ruleId() + " " + Phrases.points(f.points())).collect(Collectors.joining(", "));
            String caps = result.caps().isEmpty() ? "none" : result.caps().stream()
                    .map(c -> c.ruleId() + " -> " + c.ceiling()).collect(Collectors.joining(", "));
            return "score " + result.score() + ", band " + band + "; findings " + findings + "; caps " + caps;
        }
    }

    /**
     * Every scenario's outcome, and the scenario files that could not be read (as errors with file and line).
     */
    public record Report(List<Outcome> outcomes, List<RuleError> problems) {

        public Report {
            outcomes = List.copyOf(outcomes);
            problems = List.copyOf(problems);
        }

        public boolean passed() {
            return problems.isEmpty() && outcomes.stream().allMatch(Outcome::passed);
        }

        public List<Outcome> failed() {
            return outcomes.stream().filter(o -> !o.passed()).toList();
        }

        /** One block per failing scenario and one line per unreadable file; empty when everything passed. */
        public String describeFailures() {
            StringBuilder text = new StringBuilder();
            problems.forEach(p -> text.append(p).append('\n'));
            for (Outcome outcome : failed()) {
                text.append("FAIL ").append(outcome.scenario().where()).append('\n');
                outcome.failures().forEach(f -> text.append("  ").append(f).append('\n'));
                text.append("  got: ").append(outcome.actual()).append('\n');
            }
            return text.toString();
        }
    }

    /** The scenarios of every {@code *.yaml} / {@code *.yml} file in {@code folder} (and below), and the problems reading them. */
    public static Loaded load(Path folder) {
        List<Scenario> scenarios = new ArrayList<>();
        List<RuleError> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            problems.add(new RuleError(folder.toString(), 0, 0, "scenario folder not found"));
            return new Loaded(scenarios, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            problems.add(new RuleError(folder.toString(), 0, 0, "cannot read: " + e.getMessage()));
            return new Loaded(scenarios, problems);
        }
        for (Path path : files) {
            String name = folder.relativize(path).toString().replace('\\', '/');
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                parse(name, reader, scenarios, problems);
            } catch (IOException e) {
                problems.add(new RuleError(name, 0, 0, "cannot read: " + e.getMessage()));
            }
        }
        if (files.isEmpty()) problems.add(new RuleError(folder.toString(), 0, 0, "no scenario files (*.yaml) found"));
        return new Loaded(scenarios, problems);
    }

    /** Scenarios read from files, and what could not be read. */
    public record Loaded(List<Scenario> scenarios, List<RuleError> problems) {
    }

    /** Loads the scenarios in {@code folder} and runs them with {@code rules}. */
    public static Report run(RuleSet rules, Path folder) {
        Loaded loaded = load(folder);
        return run(rules, loaded.scenarios(), loaded.problems());
    }

    /** Screens every scenario's company in one batch and checks each expectation. */
    public static Report run(RuleSet rules, List<Scenario> scenarios, List<RuleError> problems) {
        List<Recommendation> results = rules.screener().screen(scenarios.stream().map(Scenario::company).toList());
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            outcomes.add(new Outcome(scenarios.get(i), results.get(i), check(scenarios.get(i).expect(), results.get(i))));
        }
        return new Report(outcomes, problems);
    }

    static List<String> check(Expectation expect, Recommendation result) {
        List<String> failures = new ArrayList<>();
        if (expect.band() != null && result.band() != expect.band()) {
            failures.add("expected band " + expect.band() + ", got " + result.band()
                    + (result.band() != result.scoreBand() ? " (capped from " + result.scoreBand() + ")" : ""));
        }
        if (expect.minScore() != null && expect.maxScore() != null && expect.minScore().equals(expect.maxScore())) {
            if (result.score() != expect.minScore()) failures.add("expected score " + expect.minScore() + ", got " + result.score());
        } else {
            if (expect.minScore() != null && result.score() < expect.minScore()) {
                failures.add("expected score of at least " + expect.minScore() + ", got " + result.score());
            }
            if (expect.maxScore() != null && result.score() > expect.maxScore()) {
                failures.add("expected score of at most " + expect.maxScore() + ", got " + result.score());
            }
        }
        if (expect.findings() != null) {
            expect.findings().forEach((ruleId, points) -> {
                Optional<Finding> found = result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
                if (found.isEmpty()) {
                    failures.add("expected finding " + ruleId + ", which did not fire");
                } else if (points != null && found.get().points() != points) {
                    failures.add("expected finding " + ruleId + " to give " + Phrases.points(points) + ", it gave " + Phrases.points(found.get().points()));
                }
            });
        }
        if (expect.absent() != null) {
            for (String ruleId : expect.absent()) {
                result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().ifPresent(f ->
                        failures.add("expected no finding " + ruleId + ", but it fired: " + f.sentence()));
            }
        }
        if (expect.caps() != null) {
            List<String> unmatched = new ArrayList<>(expect.caps());
            List<Cap> extra = new ArrayList<>();
            for (Cap cap : result.caps()) {
                if (!unmatched.remove(cap.ruleId()) && !unmatched.remove(cap.ceiling().name())) extra.add(cap);
            }
            if (!unmatched.isEmpty()) failures.add("expected cap(s) " + String.join(", ", unmatched) + ", not applied");
            if (!extra.isEmpty()) {
                failures.add("unexpected cap(s) " + extra.stream().map(c -> c.ruleId() + " -> " + c.ceiling()).collect(Collectors.joining(", ")));
            }
        }
        return failures;
    }

    // ---- reading the YAML ----------------------------------------------------------------------------

    private static void parse(String file, Reader reader, List<Scenario> scenarios, List<RuleError> problems) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            int column = e.getProblemMark() != null ? e.getProblemMark().getColumn() + 1 : 0;
            problems.add(new RuleError(file, line, column, "not valid YAML: " + e.getProblem()));
            return;
        } catch (YAMLException e) {
            problems.add(new RuleError(file, 0, 0, "not valid YAML: " + e.getMessage()));
            return;
        }
        if (root == null) {
            problems.add(new RuleError(file, 1, 1, "empty scenario file"));
            return;
        }
        List<Node> items = new ArrayList<>();
        if (root instanceof SequenceNode list) {
            items.addAll(list.getValue());
        } else if (root instanceof MappingNode map && entries(map).containsKey("scenarios")) {
            Node list = entries(map).get("scenarios");
            if (list instanceof SequenceNode sequence) {
                items.addAll(sequence.getValue());
            } else {
                problems.add(problem(file, list, "'scenarios' must be a list of scenarios (each starting with '- name:')"));
            }
        } else {
            items.add(root);
        }
        for (Node item : items) {
            try {
                scenarios.add(scenario(file, item));
            } catch (ScenarioException e) {
                problems.add(problem(file, e.node, e.getMessage()));
            }
        }
    }

    private static Scenario scenario(String file, Node node) throws ScenarioException {
        Map<String, Node> entries = mapping(node, "a scenario must be a map with name, company and expect");
        for (String key : entries.keySet()) {
            if (!SCENARIO_KEYS.contains(key)) throw new ScenarioException(entries.get(key), "unknown key '" + key + "'; a scenario has name, company and expect");
        }
        int line = node.getStartMark().getLine() + 1;
        String name = entries.containsKey("name") ? scalar(entries.get("name")) : "scenario at line " + line;
        if (!entries.containsKey("company")) throw new ScenarioException(node, "scenario \"" + name + "\" has no company");
        if (!entries.containsKey("expect")) throw new ScenarioException(node, "scenario \"" + name + "\" has no expect");
        return new Scenario(file, line, name, company(entries.get("company"), name), expectation(entries.get("expect")));
    }

    private static Company company(Node node, String scenarioName) throws ScenarioException {
        Map<String, Node> entries = mapping(node, "company must be a map of inputs, e.g. 'apiRevenueShare: 45%'");
        Company.Builder builder = Company.builder("SCENARIO", Segment.OTHER).name(scenarioName);
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            CompanyField field = FIELDS.get(entry.getKey().toLowerCase(Locale.ROOT));
            if (field == null) {
                throw new ScenarioException(entry.getValue(), "'" + entry.getKey() + "' is not an input; inputs are "
                        + Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).collect(Collectors.joining(", ")));
            }
            Object value = convert(field, yamlNull(entry.getValue()) ? null : scalar(entry.getValue()), entry.getValue());
            // Ticker and segment cannot be unknown: left empty, they keep the scenario's defaults.
            if (value != null || !field.required()) field.set(builder, value);
        }
        return builder.build();
    }

    /** YAML's own null ({@code ~}, {@code null} or nothing after the colon): the input is not known. */
    private static boolean yamlNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** Reads an input exactly as a portfolio cell is read ({@link CompanyField#read}): 45% or 0.45, 2.5x, $10B, yes/no. */
    static Object convert(CompanyField field, String raw, Node node) throws ScenarioException {
        if (raw == null) return null;
        try {
            return field.read(raw);
        } catch (InputValue.NotReadable e) {
            throw new ScenarioException(node, field.fieldName() + " takes " + field.reader().expected() + ", not '" + raw.strip() + "'");
        }
    }

    private static String enumName(String text) {
        return text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static Expectation expectation(Node node) throws ScenarioException {
        Map<String, Node> entries = mapping(node, "expect must be a map: band, score, findings, absent, caps");
        for (String key : entries.keySet()) {
            if (!EXPECT_KEYS.contains(key)) {
                throw new ScenarioException(entries.get(key), "unknown expectation '" + key + "'; expect takes band, score, findings, absent and caps");
            }
        }
        Band band = null;
        if (entries.containsKey("band")) {
            String text = scalar(entries.get("band"));
            try {
                band = Band.valueOf(enumName(text));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(entries.get("band"), "band takes one of " + Arrays.toString(Band.values()) + ", not '" + text + "'");
            }
        }
        Integer min = null;
        Integer max = null;
        Node score = entries.get("score");
        if (score instanceof MappingNode range) {
            Map<String, Node> bounds = entries(range);
            for (String key : bounds.keySet()) {
                if (!key.equals("min") && !key.equals("max")) throw new ScenarioException(bounds.get(key), "score takes min and max, not '" + key + "'");
            }
            if (bounds.containsKey("min")) min = whole(bounds.get("min"), "score min");
            if (bounds.containsKey("max")) max = whole(bounds.get("max"), "score max");
        } else if (score != null) {
            min = whole(score, "score");
            max = min;
        }
        Map<String, Integer> findings = null;
        if (entries.containsKey("findings")) {
            findings = new LinkedHashMap<>();
            for (Node item : list(entries.get("findings"), "findings")) {
                String[] parts = scalar(item).strip().split("\\s+");
                Integer points = null;
                if (parts.length > 1) {
                    try {
                        points = Integer.valueOf(parts[1].replace("+", ""));
                    } catch (NumberFormatException e) {
                        throw new ScenarioException(item, "a finding is a rule id, optionally with its points ('VOL-3X +15'), not '" + scalar(item) + "'");
                    }
                }
                findings.put(parts[0], points);
            }
        }
        List<String> absent = entries.containsKey("absent") ? strings(entries.get("absent"), "absent") : null;
        List<String> caps = entries.containsKey("caps") ? strings(entries.get("caps"), "caps") : null;
        return new Expectation(band, min, max, findings, absent, caps);
    }

    private static Integer whole(Node node, String what) throws ScenarioException {
        try {
            return Integer.valueOf(scalar(node).strip());
        } catch (NumberFormatException e) {
            throw new ScenarioException(node, what + " takes a whole number, not '" + scalar(node) + "'");
        }
    }

    private static List<String> strings(Node node, String what) throws ScenarioException {
        List<String> values = new ArrayList<>();
        for (Node item : list(node, what)) values.add(scalar(item).strip());
        return values;
    }

    private static List<Node> list(Node node, String what) throws ScenarioException {
        if (node instanceof SequenceNode sequence) return sequence.getValue();
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) return List.of(node); // a single id
        if (node instanceof ScalarNode) return List.of();
        throw new ScenarioException(node, what + " must be a list, e.g. [VOL-3X, MOAT-DATA]");
    }

    private static Map<String, Node> mapping(Node node, String message) throws ScenarioException {
        if (!(node instanceof MappingNode map)) throw new ScenarioException(node, message);
        return entries(map);
    }

    private static Map<String, Node> entries(MappingNode map) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : tuple.getKeyNode().toString();
            entries.put(key, tuple.getValueNode());
        }
        return entries;
    }

    private static String scalar(Node node) throws ScenarioException {
        if (node instanceof ScalarNode scalar) return scalar.getValue();
        throw new ScenarioException(node, "expected a single value here");
    }

    private static RuleError problem(String file, Node node, String message) {
        return new RuleError(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message);
    }

    /** A scenario that cannot be read, at the YAML node that is wrong. */
    static final class ScenarioException extends Exception {
        final transient Node node;

        ScenarioException(Node node, String message) {
            super(message);
            this.node = node;
        }
    }
}
