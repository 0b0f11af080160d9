package com.thesisscreener.rules;

import com.thesisscreener.rules.sandbox.Refusal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places a refusal of compiled rule code at the analyst's file and line: the rule or function it came from,
 * then the first line inside it that holds the offending word. Code that cannot be traced to a rule or a
 * function (generated scaffolding) is reported against the rule set as a whole.
 */
final class RefusalLocator {

    private RefusalLocator() {
    }

    static RuleError locate(Refusal refusal, List<RuleFile> views) {
        for (RuleFile view : views) {
            String text = view.content();
            int[] block = refusal.rule() != null ? ruleBlock(text, refusal.rule())
                    : refusal.function() != null ? functionBlock(text, refusal.function()) : null;
            if (block == null) continue;
            int at = tokenWithin(text, block, refusal.token());
            String where = refusal.rule() != null ? "rule " + refusal.rule() : "function " + refusal.function() + "()";
            return RulePolicy.at(view.name(), text, at, where + ": " + refusal.message());
        }
        String file = views.isEmpty() ? "rules" : views.get(0).name();
        return new RuleError(file, 0, 0, refusal.message());
    }

    /** Start and end offsets of {@code rule "name" ... end}, or null when the file has no such rule. */
    private static int[] ruleBlock(String text, String rule) {
        Matcher start = Pattern.compile("^[ \\t]*rule\\s+(?:\"" + Pattern.quote(rule) + "\"|'" + Pattern.quote(rule) + "'|"
                + Pattern.quote(rule) + "(?=\\s))", Pattern.MULTILINE).matcher(text);
        if (!start.find()) return null;
        Matcher end = Pattern.compile("^[ \\t]*end\\b", Pattern.MULTILINE).matcher(text);
        return new int[] {start.start(), end.find(start.end()) ? end.end() : text.length()};
    }

    private static int[] functionBlock(String text, String function) {
        Matcher start = Pattern.compile("\\bfunction\\s+[\\w.<>\\[\\], ]+?\\s+" + Pattern.quote(function) + "\\s*\\(").matcher(text);
        if (!start.find()) return null;
        Matcher next = Pattern.compile("^[ \\t]*(?:rule|function|query|declare)\\b", Pattern.MULTILINE).matcher(text);
        return new int[] {start.start(), next.find(start.end()) ? next.start() : text.length()};
    }

    /** The offending word's offset inside the block (skipping the header line), else the block's start. */
    private static int tokenWithin(String text, int[] block, String token) {
        if (token == null || token.isBlank()) return firstNonBlank(text, block[0]);
        int bodyStart = text.indexOf('\n', block[0]);
        Matcher word = Pattern.compile("\\b" + (token.startsWith("(") ? token : Pattern.quote(token)) + "\\b")
                .matcher(text).region(bodyStart < 0 || bodyStart > block[1] ? block[0] : bodyStart, block[1]);
        if (word.find()) return word.start();
        word.region(block[0], block[1]);
        return word.find() ? word.start() : firstNonBlank(text, block[0]);
    }

    private static int firstNonBlank(String text, int from) {
        while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == '\t')) from++;
        return from;
    }
}
