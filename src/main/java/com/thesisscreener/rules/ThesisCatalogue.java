package com.thesisscreener.rules;

import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.CompanyField;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * What the rule files say about the thesis, read from their text without compiling them: every rule's
 * finding id, points, inputs and the named thresholds it uses. Java that needs thesis knowledge (which
 * ids to expect, the 3x line of a chart, the docs table of rules) reads it here, so an analyst who edits
 * {@code rules/} changes it everywhere. Spring-free; a file that does not parse is skipped (the compiler
 * reports it).
 */
public final class ThesisCatalogue {

    /**
     * A named threshold: a function without parameters in a rule file, such as
     * {@code function double requiredVolumeMultiple() { return 3.0; }}.
     *
     * @param expression what the function returns, as written
     * @param value      the number, when the function returns a plain number
     * @param meaning    the comment written above the function
     */
    public record Threshold(String name, String file, String expression, OptionalDouble value, String meaning) {
    }

    /**
     * One rule as its file describes it.
     *
     * @param name       the rule's name, unique in the rule set
     * @param id         the id its findings carry: {@code @id(...)}, else the name
     * @param points     its {@code @points(...)}, or empty when the consequence passes them itself
     * @param requires   the inputs of {@code @requires(...)}: without them the thesis test cannot run
     * @param reads      the inputs its condition reads, directly or through facts other rules insert
     * @param thresholds the named thresholds it uses, in its condition or its sentence
     * @param needsPoints whether its consequence records a finding without passing points, so it needs {@code @points}
     */
    public record ThesisRule(String file, String name, String id, Optional<Integer> points, List<String> requires,
                             List<String> segments, boolean apiLayer, boolean hasThesis, String thesis,
                             boolean recordsFindings, Set<String> reads, boolean readsDerivedProperty,
                             List<String> thresholds, boolean needsPoints, int offset, int requiresOffset) {
    }

    /** Where the launcher keeps the rules when the working folder has none (see {@code ./screener}). */
    private static final String HOME_PROPERTY = "screener.home";
    private static final Pattern CALL = Pattern.compile("\\b([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern INSERT = Pattern.compile("\\binsert\\s*\\(\\s*new\\s+([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern RECORDS = Pattern.compile("\\bscorecard\\s*\\.\\s*(add|cap)\\s*\\(");
    private static final Pattern NUMBER_RETURNED = Pattern.compile("^\\s*return\\s+([-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?)[dDfF]?\\s*;\\s*$");
    private static final Set<String> INPUTS = Arrays.stream(CompanyField.values()).map(CompanyField::fieldName)
            .collect(Collectors.toUnmodifiableSet());
    /** Properties of a company computed from its inputs (moatAnchorCount, ...): which inputs they read is Java's. */
    private static final Set<String> DERIVED_PROPERTIES = Arrays.stream(Company.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0)
            .map(Method::getName).filter(name -> !INPUTS.contains(name)).collect(Collectors.toUnmodifiableSet());

    private final List<ThesisRule> rules;
    private final Map<String, Threshold> thresholds;
    private final List<String> unreadFiles;

    private ThesisCatalogue(List<ThesisRule> rules, Map<String, Threshold> thresholds, List<String> unreadFiles) {
        this.rules = List.copyOf(rules);
        this.thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
        this.unreadFiles = List.copyOf(unreadFiles);
    }

    /** The catalogue of the rule files of a folder ({@code *.drl}, {@code *.drl.xlsx}). */
    public static ThesisCatalogue read(Path folder) throws RuleCompilationException {
        return of(RuleSetCompiler.read(folder));
    }

    /**
     * The catalogue of the rules the product ships: {@code ./rules}, else the folder beside the launcher;
     * empty when neither exists or holds rules.
     */
    public static ThesisCatalogue shipped() {
        Path local = Path.of("rules");
        String home = System.getProperty(HOME_PROPERTY);
        Path folder = !Files.isDirectory(local) && home != null ? Path.of(home, "rules") : local;
        try {
            return read(folder);
        } catch (RuleCompilationException | RuntimeException unreadable) {
            return new ThesisCatalogue(List.of(), Map.of(), List.of(folder.toString()));
        }
    }

    /**
     * The thesis ids of the shipped rules as they were when first asked for: what a rule set is expected to
     * define (validation warns about any that no file defines, also after an edit of the shipped folder).
     */
    public static Set<String> shippedRuleIds() {
        return ShippedRuleIds.IDS;
    }

    /** Read on first use only: screening never needs it, and reading the rules costs time at start-up. */
    private static final class ShippedRuleIds {
        static final Set<String> IDS = Set.copyOf(shipped().ruleIds());
    }

    /** The catalogue of these files; a decision table is read as the DRL it generates. */
    public static ThesisCatalogue of(List<RuleFile> files) {
        List<RuleFile> views = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        for (RuleFile file : files) {
            try {
                views.add(file.isDecisionTable() ? new RuleFile(file.name(), DecisionTables.toDrl(file)) : file);
            } catch (RuleCompilationException unreadable) {
                unread.add(file.name());
            }
        }
        return ofDrl(views, unread);
    }

    /** The catalogue of files that all hold DRL text, whatever their names (a decision table's generated DRL). */
    static ThesisCatalogue ofDrl(List<RuleFile> views, List<String> unreadBefore) {
        List<Parsed> parsed = new ArrayList<>();
        List<String> unread = new ArrayList<>(unreadBefore);
        for (RuleFile file : views) {
            try {
                DrlParser parser = new DrlParser();
                PackageDescr descr = parser.parse(false, file.content());
                if (descr == null || parser.hasErrors()) {
                    unread.add(file.name());
                } else {
                    parsed.add(new Parsed(file.name(), file.content(), codeOnly(file.content()), descr));
                }
            } catch (DroolsParserException unreadable) {
                unread.add(file.name());
            }
        }
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        parsed.forEach(p -> p.descr.getFunctions().stream().filter(f -> f.getParameterNames().isEmpty())
                .forEach(f -> thresholds.put(f.getName(), threshold(p, f))));
        List<RuleSource> sources = new ArrayList<>();
        parsed.forEach(p -> p.descr.getRules().forEach(r -> sources.add(source(p, r))));
        Map<String, Set<String>> inputsOfInsertedFacts = inputsOfInsertedFacts(sources);
        List<ThesisRule> rules = sources.stream().map(s -> s.describe(thresholds.keySet(), inputsOfInsertedFacts)).toList();
        return new ThesisCatalogue(rules, thresholds, unread);
    }

    /** Every rule, in file order. */
    public List<ThesisRule> rules() {
        return rules;
    }

    /** The ids that findings of the thesis carry: those of rules quoting the thesis with {@code @thesis(...)}. */
    public Set<String> ruleIds() {
        return rules.stream().filter(ThesisRule::hasThesis).map(ThesisRule::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The ids any rule records, with or without {@code @thesis}. */
    Set<String> definedIds() {
        return rules.stream().map(ThesisRule::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every named threshold by name, in file order. */
    public Map<String, Threshold> thresholds() {
        return thresholds;
    }

    /** The value of a named threshold, e.g. {@code threshold("requiredVolumeMultiple")} is 3.0 as shipped. */
    public OptionalDouble threshold(String name) {
        Threshold threshold = thresholds.get(name);
        return threshold == null ? OptionalDouble.empty() : threshold.value();
    }

    /** Files that did not parse, so their rules are missing here; the compiler reports why. */
    public List<String> unreadFiles() {
        return unreadFiles;
    }

    private record Parsed(String file, String text, String code, PackageDescr descr) {
    }

    /** A rule's text split where Drools splits it: header (metadata), condition and consequence. */
    private record RuleSource(Parsed file, RuleDescr descr, int start, String header, String condition, String consequence) {

        ThesisRule describe(Set<String> thresholdNames, Map<String, Set<String>> inputsOfInsertedFacts) {
            Set<String> reads = new TreeSet<>(namesIn(condition, INPUTS));
            for (String type : called(condition)) {
                reads.addAll(inputsOfInsertedFacts.getOrDefault(type, Set.of()));
            }
            List<String> used = new ArrayList<>(called(condition + "\n" + consequence));
            used.retainAll(thresholdNames);
            String ruleText = file.text.substring(start, Math.min(file.text.length(), descr.getEndCharacter() + 1));
            int requiresAt = ruleText.indexOf("@requires");
            return new ThesisRule(file.file, descr.getName(), annotation(descr, "id").orElse(descr.getName()),
                    annotation(descr, "points").flatMap(ThesisCatalogue::wholeNumber), list(annotation(descr, "requires")),
                    list(annotation(descr, "segments")), descr.getAnnotation("apiLayer") != null,
                    descr.getAnnotation("thesis") != null, annotation(descr, "thesis").orElse(""),
                    RECORDS.matcher(consequence).find(), reads, !namesIn(condition, DERIVED_PROPERTIES).isEmpty(),
                    List.copyOf(new LinkedHashSet<>(used)), addsWithoutPoints(consequence), start,
                    requiresAt < 0 ? start : start + requiresAt);
        }
    }

    private static RuleSource source(Parsed file, RuleDescr rule) {
        int start = rule.getStartCharacter();
        int end = Math.min(file.code.length(), rule.getEndCharacter() + 1);
        Matcher when = Pattern.compile("\\bwhen\\b").matcher(file.code).region(start, end);
        int whenAt = when.find() ? when.start() : end;
        Matcher then = Pattern.compile("\\bthen\\b").matcher(file.code).region(whenAt, end);
        int thenAt = then.find() ? then.start() : end;
        return new RuleSource(file, rule, start, file.code.substring(start, whenAt), file.code.substring(whenAt, thenAt),
                file.code.substring(thenAt, end));
    }

    /** A fact a rule inserts (VolumeCheck) stands for the inputs the inserting rule's condition reads. */
    private static Map<String, Set<String>> inputsOfInsertedFacts(List<RuleSource> sources) {
        Map<String, Set<String>> inputs = new LinkedHashMap<>();
        for (RuleSource source : sources) {
            Matcher insert = INSERT.matcher(source.consequence);
            while (insert.find()) {
                inputs.computeIfAbsent(insert.group(1), type -> new TreeSet<>()).addAll(namesIn(source.condition, INPUTS));
            }
        }
        return inputs;
    }

    /** Whether a {@code scorecard.add(...)} call has three arguments: kcontext, company, sentence. */
    private static boolean addsWithoutPoints(String consequence) {
        Matcher add = Pattern.compile("\\bscorecard\\s*\\.\\s*add\\s*\\(").matcher(consequence);
        while (add.find()) {
            int depth = 1;
            int commas = 0;
            for (int i = add.end(); i < consequence.length() && depth > 0; i++) {
                char c = consequence.charAt(i);
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') depth--;
                else if (c == ',' && depth == 1) commas++;
            }
            if (commas == 2) return true;
        }
        return false;
    }

    private static Threshold threshold(Parsed file, FunctionDescr function) {
        String body = function.getBody() == null ? "" : function.getBody().strip();
        Matcher number = NUMBER_RETURNED.matcher(body);
        OptionalDouble value = number.matches()
                ? OptionalDouble.of(Double.parseDouble(number.group(1).replace("_", "")))
                : OptionalDouble.empty();
        String expression = body.replaceFirst("^return\\s+", "").replaceFirst(";\\s*$", "");
        return new Threshold(function.getName(), file.file, expression, value, commentAbove(file.text, function.getStartCharacter()));
    }

    /** The {@code //} lines directly above a declaration, joined. */
    private static String commentAbove(String text, int declarationStart) {
        List<String> lines = new ArrayList<>();
        int lineStart = text.lastIndexOf('\n', Math.max(0, declarationStart - 1)) + 1;
        while (lineStart > 0) {
            int previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
            String line = text.substring(previousStart, lineStart - 1).strip();
            if (!line.startsWith("//")) break;
            lines.add(0, line.substring(2).strip());
            lineStart = previousStart;
        }
        return String.join(" ", lines);
    }

    private static Optional<String> annotation(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValueAsString() == null) return Optional.empty();
        String value = annotation.getSingleValueAsString().strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return Optional.of(value);
    }

    private static Optional<Integer> wholeNumber(String points) {
        try {
            return Optional.of(Integer.valueOf(points.startsWith("+") ? points.substring(1) : points));
        } catch (NumberFormatException notWhole) {
            return Optional.empty(); // the compiler reports it at the rule
        }
    }

    private static List<String> list(Optional<String> commaSeparated) {
        return commaSeparated.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private static Set<String> namesIn(String code, Set<String> names) {
        Set<String> found = new TreeSet<>();
        Matcher word = Pattern.compile("\\b[A-Za-z_]\\w*\\b").matcher(code);
        while (word.find()) {
            if (names.contains(word.group())) found.add(word.group());
        }
        return found;
    }

    private static List<String> called(String code) {
        List<String> names = new ArrayList<>();
        Matcher call = CALL.matcher(code);
        while (call.find()) names.add(call.group(1));
        return names;
    }

    /** The text with comments and string literals blanked (same length), so keywords in them do not count. */
    static String codeOnly(String text) {
        char[] code = text.toCharArray();
        int i = 0;
        while (i < code.length) {
            if (startsWith(code, i, "//")) {
                while (i < code.length && code[i] != '\n') code[i++] = ' ';
            } else if (startsWith(code, i, "/*")) {
                while (i < code.length && !startsWith(code, i, "*/")) i = blank(code, i);
                if (i < code.length) { code[i++] = ' '; code[i++] = ' '; }
            } else if (code[i] == '"') {
                i++;
                while (i < code.length && code[i] != '"' && code[i] != '\n') {
                    if (code[i] == '\\' && i + 1 < code.length) i = blank(code, i);
                    i = blank(code, i);
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(code);
    }

    private static int blank(char[] code, int i) {
        if (code[i] != '\n') code[i] = ' ';
        return i + 1;
    }

    private static boolean startsWith(char[] code, int at, String prefix) {
        return at + prefix.length() <= code.length && new String(code, at, prefix.length()).equals(prefix);
    }
}
