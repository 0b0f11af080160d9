package com.thesisscreener.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlParser;

/**
 * The readable first look at a rule file, before it is compiled: Drools' own parser reads the file and the
 * constructs a scoring rule has no use for (imports beyond the fact model, other globals, {@code declare},
 * {@code query}, {@code window}, entry points, timers, inline {@code accumulate} code) are named at their line
 * in words an analyst understands.
 *
 * <p>This is not the line of defence: whatever passes here is still compiled and its bytecode checked
 * against an allow-list ({@link com.thesisscreener.rules.sandbox.CompiledRuleVerifier}) before it is loaded.
 */
public final class RulePolicy {

    static final String AVAILABLE = "only the scorecard, the fact fields (Company, VolumeCheck, Segment, SwitchingCost, Band), "
            + "the Phrases formatters (pct, signedPct, times, usd, number) and Math are available";
    /** Largest DRL text accepted, generated DRL of a decision table included; the shipped files are a few KB. */
    static final int MAX_DRL_CHARS = 256 * 1024;
    /** Deepest nesting of conditions (and, or, not, exists, from) walked; real rules nest two or three levels. */
    private static final int MAX_DEPTH = 64;

    private static final String FACTS = "com.thesisscreener.screening.";
    private static final Set<String> ALLOWED_IMPORTS = Set.of(FACTS + "Company", FACTS + "Segment", FACTS + "SwitchingCost",
            FACTS + "Band", FACTS + "VolumeCheck", "java.lang.Math");
    private static final Pattern ALLOWED_FUNCTION_IMPORT = Pattern.compile("com\\.thesisscreener\\.screening\\.Phrases\\.(?:\\w+|\\*)");
    private static final Pattern PACKAGE = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*");
    private static final Pattern RESERVED_PACKAGE = Pattern.compile("(?:java|javax|jdk|sun|com\\.sun|org\\.drools|org\\.kie|com\\.thesisscreener)(?:\\..*)?");
    private static final Set<String> TIMING_ATTRIBUTES = Set.of("timer", "calendars", "duration", "date-effective", "date-expires");

    private RulePolicy() {
    }

    /** Every construct of one DRL text (for a decision table: the DRL generated from it) that scoring rules may not use. */
    public static List<RuleError> check(String fileName, String drl) {
        List<RuleError> violations = new ArrayList<>();
        if (drl.length() > MAX_DRL_CHARS) {
            violations.add(new RuleError(fileName, 1, 1, "rule file too large: " + drl.length() + " characters, the limit is "
                    + MAX_DRL_CHARS + "; split it into several files"));
            return violations;
        }
        PackageDescr parsed;
        try {
            DrlParser parser = new DrlParser();
            parsed = parser.parse(false, drl);
            if (parser.hasErrors() || parsed == null) return violations; // the compiler reports syntax errors at their line
        } catch (StackOverflowError deep) {
            violations.add(new RuleError(fileName, 1, 1, "a condition or expression is nested too deeply to read; simplify it"));
            return violations;
        } catch (Exception unreadable) {
            return violations; // the compiler reports it
        }
        new Walk(fileName, drl, violations).packageLevel(parsed);
        violations.sort(Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
        return violations;
    }

    /** One pass over a parsed file, collecting violations at their line. */
    private record Walk(String fileName, String drl, List<RuleError> violations) {

        void packageLevel(PackageDescr parsed) {
            String name = parsed.getName() == null ? "" : parsed.getName();
            if (!name.isEmpty() && (!PACKAGE.matcher(name).matches() || RESERVED_PACKAGE.matcher(name).matches())) {
                add(parsed, "package", "rule files may not use the package name '" + name + "': use a short lower-case name such as 'thesis'");
            }
            for (ImportDescr imported : parsed.getImports()) {
                if (!ALLOWED_IMPORTS.contains(imported.getTarget())) {
                    add(imported, "import", "rule files may not import " + imported.getTarget() + ": imports are limited to the fact model "
                            + "(com.thesisscreener.screening.Company, Segment, SwitchingCost, Band, VolumeCheck), "
                            + "'import function com.thesisscreener.screening.Phrases.*' and java.lang.Math; " + AVAILABLE);
                }
            }
            for (FunctionImportDescr imported : parsed.getFunctionImports()) {
                if (!ALLOWED_FUNCTION_IMPORT.matcher(imported.getTarget()).matches()) {
                    add(imported, "import", "rule files may not import function " + imported.getTarget()
                            + ": only the Phrases formatters may be imported as functions; " + AVAILABLE);
                }
            }
            parsed.getAccumulateImports().forEach(imported -> add(imported, "import",
                    "rule files may not import accumulate functions: " + AVAILABLE));
            for (GlobalDescr global : parsed.getGlobals()) {
                if (!global.getIdentifier().equals("scorecard") || !global.getType().equals(FACTS + "Scorecard")) {
                    add(global, "global", "rule files may not declare the global " + global.getType() + " " + global.getIdentifier()
                            + ": the one global is 'global com.thesisscreener.screening.Scorecard scorecard;'");
                }
            }
            parsed.getClassAndEnumDeclarationDescrs().forEach(declared -> add(declared, "declare",
                    "rule files may not use 'declare': rules score the companies given, they do not declare types"));
            parsed.getWindowDeclarations().forEach(window -> add(window, "window",
                    "rule files may not use 'window': rules score the companies given, not streams of events"));
            parsed.getEntryPointDeclarations().forEach(entry -> add(entry, "entry-point",
                    "rule files may not use 'entry-point': companies arrive through one entry"));
            if (parsed.getUnit() != null) {
                add(parsed.getUnit(), "unit", "rule files may not use 'unit': the rules run as one set");
            }
            parsed.getRules().forEach(this::rule);
        }

        void rule(RuleDescr rule) {
            if (rule.isQuery()) {
                add(rule, "query", "rule files may not use 'query': rules score the companies given; findings reach the results through the scorecard");
                return;
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                if (TIMING_ATTRIBUTES.contains(attribute.getName())) {
                    add(attribute, attribute.getName(), "rule files may not use '" + attribute.getName()
                            + "': a rule fires when a company matches, never on a clock");
                }
            }
            if (rule.getLhs() != null) condition(rule, rule.getLhs(), 0);
        }

        void condition(RuleDescr rule, BaseDescr descr, int depth) {
            if (depth > MAX_DEPTH) {
                add(descr, null, "rule " + rule.getName() + " nests conditions more than " + MAX_DEPTH + " levels deep; simplify it");
                return;
            }
            if (descr instanceof PatternDescr pattern) {
                Object source = pattern.getSource();
                if (source instanceof EntryPointDescr entry && !"DEFAULT".equals(entry.getEntryId())) {
                    add(pattern, "entry-point", "rule files may not use 'entry-point': companies arrive through one entry");
                } else if (source instanceof WindowReferenceDescr) {
                    add(pattern, "window", "rule files may not use 'window': rules score the companies given, not streams of events");
                } else if (source instanceof AccumulateDescr accumulate) {
                    accumulate(rule, accumulate, depth);
                } else if (source instanceof BaseDescr nested) {
                    condition(rule, nested, depth + 1);
                }
                pattern.getDescrs().forEach(child -> condition(rule, child, depth + 1));
            } else if (descr instanceof AccumulateDescr accumulate) {
                accumulate(rule, accumulate, depth);
            } else if (descr instanceof ConditionalElementDescr element) {
                element.getDescrs().forEach(child -> condition(rule, (BaseDescr) child, depth + 1));
            }
        }

        void accumulate(RuleDescr rule, AccumulateDescr accumulate, int depth) {
            if (accumulate.getInitCode() != null || accumulate.getActionCode() != null || accumulate.getResultCode() != null) {
                add(accumulate, "accumulate", "rule " + rule.getName() + " may not run code inside 'accumulate' (init, action, reverse, "
                        + "result): use a condition per company instead");
            }
            if (accumulate.getInput() != null) condition(rule, accumulate.getInput(), depth + 1);
        }

        void add(BaseDescr where, String word, String message) {
            violations.add(at(fileName, drl, offsetOf(where, word), message));
        }

        /** The descriptor's own position when the parser kept one, else the first place the keyword appears. */
        int offsetOf(BaseDescr where, String word) {
            if (where != null && where.getStartCharacter() >= 0 && where.getStartCharacter() < drl.length()) return where.getStartCharacter();
            if (where != null && where.getLine() > 0) return offsetOfLine(where.getLine()) + Math.max(0, where.getColumn());
            if (word == null) return 0;
            java.util.regex.Matcher found = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(blankCommentsAndStrings(drl));
            return found.find() ? found.start() : 0;
        }

        int offsetOfLine(int line) {
            int offset = 0;
            for (int i = 1; i < line && offset >= 0; i++) offset = drl.indexOf('\n', offset) + 1;
            return Math.max(0, offset);
        }
    }

    /** Comments become spaces and string literals keep only their quotes; lengths and newlines are unchanged. */
    static String blankCommentsAndStrings(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') out.setCharAt(i++, ' ');
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) if (text.charAt(i) != '\n') out.setCharAt(i, ' ');
            } else if (c == '"' || c == '\'') {
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) != '\n') out.setCharAt(i++, ' ');
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    static RuleError at(String fileName, String text, int offset, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new RuleError(fileName, line, offset - lineStart + 1, message);
    }
}
