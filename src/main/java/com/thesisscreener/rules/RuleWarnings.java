package com.thesisscreener.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Problems that do not stop a rule set but that an analyst should fix; read from the DRL text of each file. */
final class RuleWarnings {

    private static final Pattern RULE = Pattern.compile("^[ \\t]*rule\\s+\"", Pattern.MULTILINE);
    private static final Pattern END = Pattern.compile("^[ \\t]*end\\b", Pattern.MULTILINE);
    private static final Pattern WHEN = Pattern.compile("\\bwhen\\b");
    private static final Pattern THEN = Pattern.compile("\\bthen\\b");
    private static final Pattern RECORDS = Pattern.compile("\\bscorecard\\s*\\.\\s*(add|cap)\\s*\\(");
    private static final Pattern REQUIRES = Pattern.compile("@requires\\s*\\(\\s*\"([^\"]*)\"");
    private static final Set<String> MOAT_ANCHORS = Set.of("proprietaryData", "distributionSwitchingCost", "ownsCompute");
    private static final Set<String> VOLUME_INPUTS = Set.of("apiRevenueShare", "tokenVolumeGrowth", "pricePerTokenChange");

    private RuleWarnings() {
    }

    /** {@code files} hold DRL text (a decision table's generated DRL); {@code thesisRuleIds} are the ids THESIS.md names. */
    static List<RuleError> of(List<RuleFile> files, Set<String> thesisRuleIds) {
        List<RuleError> warnings = new ArrayList<>();
        Set<String> defined = new LinkedHashSet<>();
        for (RuleFile file : files) {
            String text = file.content();
            String code = RulePolicy.blankCommentsAndStrings(text);
            Matcher rule = RULE.matcher(code);
            while (rule.find()) {
                int nameStart = rule.end();
                int nameEnd = text.indexOf('"', nameStart);
                if (nameEnd < 0) break;
                String name = text.substring(nameStart, nameEnd);
                defined.add(name);
                Matcher end = END.matcher(code);
                int blockEnd = end.find(nameEnd) ? end.start() : code.length();
                Matcher when = WHEN.matcher(code).region(nameEnd, blockEnd);
                int whenAt = when.find() ? when.start() : -1;
                Matcher then = THEN.matcher(code).region(Math.max(whenAt, nameEnd), blockEnd);
                int thenAt = then.find() ? then.start() : blockEnd;
                if (whenAt < 0) continue; // a syntax error the compiler reports
                String header = text.substring(nameEnd, whenAt);
                String condition = code.substring(whenAt, thenAt);
                String consequence = code.substring(thenAt, blockEnd);

                int ruleLine = rule.start() + leadingSpace(code, rule.start());
                if (RECORDS.matcher(consequence).find() && !header.contains("@thesis")) {
                    warnings.add(RulePolicy.at(file.name(), text, ruleLine, "rule " + name
                            + " records findings but has no @thesis(\"...\"): its findings will show no thesis passage; "
                            + "quote the sentence of THESIS.md it encodes"));
                }
                Matcher requires = REQUIRES.matcher(header);
                if (requires.find()) {
                    for (String input : requires.group(1).split(",")) {
                        String field = input.strip();
                        if (!field.isEmpty() && !mentions(condition, field)) {
                            warnings.add(RulePolicy.at(file.name(), text, nameEnd + requires.start(), "rule " + name + " @requires '"
                                    + field + "' but its condition never reads it: the test counts as run whenever " + field
                                    + " is known; use it in the condition or drop it from @requires"));
                        }
                    }
                }
            }
        }
        for (String id : thesisRuleIds) {
            if (!defined.contains(id)) {
                warnings.add(new RuleError("THESIS.md", 0, 0, "thesis rule id " + id
                        + " is defined by no rule file: results will never show it; add a rule named \"" + id + "\""));
            }
        }
        return warnings;
    }

    /** Derived properties count as reading the inputs they come from. */
    private static boolean mentions(String condition, String field) {
        if (Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(condition).find()) return true;
        if (MOAT_ANCHORS.contains(field) && Pattern.compile("\\bmoatAnchor(Count|sKnown)\\b").matcher(condition).find()) return true;
        return VOLUME_INPUTS.contains(field) && Pattern.compile("\\bVolumeCheck\\s*\\(").matcher(condition).find();
    }

    private static int leadingSpace(String code, int from) {
        int i = from;
        while (i < code.length() && (code.charAt(i) == ' ' || code.charAt(i) == '\t')) i++;
        return i - from;
    }
}
