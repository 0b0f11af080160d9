package com.thesisscreener.rules;

import com.thesisscreener.screening.CompanyField;
import com.thesisscreener.screening.RuleProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;

/**
 * Turns Drools' compiler messages into errors an analyst can act on: the rule file, line and column,
 * and a message in the file's own terms. The executable model compiles rules to Java, so some errors
 * point into generated code; those are traced back to the rule text they came from.
 */
final class ErrorLocator {

    private static final Pattern PARSER_POSITION = Pattern.compile("\\[(\\d+),(\\d+)\\]|[Ll]ine (\\d+):(\\d+)");
    private static final Pattern RULE_NAME = Pattern.compile("addRuleNames\\(\"([^\"]+)\"|in rule \"?([^\"\\s]+)\"?");
    private static final Pattern EXPRESSION = Pattern.compile("expression:?\\s+(.+)$");
    private static final Pattern METHOD_OR_NAME =
            Pattern.compile("The method (\\w+)\\(|(\\w+) cannot be resolved|The field \\w+\\.(\\w+)|undefined for the type (\\w+)");
    private static final List<String> FACT_PROPERTIES = properties();

    private ErrorLocator() {
    }

    static Optional<RuleError> locate(Message message, List<RuleFile> files, String generatedSource) {
        String text = firstLine(message.getText());
        if (text.startsWith("Parser returned a null Package")) {
            return Optional.empty(); // follows a syntax error that is reported on its own
        }
        Optional<RuleFile> file = files.stream().filter(f -> message.getPath() != null
                && (message.getPath().endsWith("/" + f.name()) || message.getPath().endsWith("/" + f.name() + ".drl"))).findFirst();
        return Optional.of(file.isPresent() ? inRuleFile(file.get(), message, text)
                : fromGeneratedJava(message, text, files, generatedSource));
    }

    /** A problem of a named rule (or of the rule set when no rule is named), placed at the rule's declaration. */
    static RuleError locate(RuleProblem problem, List<RuleFile> files) {
        if (problem.ruleId() != null) {
            for (RuleFile file : files) {
                Optional<int[]> at = find(file, Pattern.compile("^[ \\t]*rule\\s+\"" + Pattern.quote(problem.ruleId()) + "\"", Pattern.MULTILINE));
                if (at.isPresent()) {
                    return new RuleError(file.name(), at.get()[0], at.get()[1], "rule " + problem.ruleId() + ": " + problem.message());
                }
            }
        }
        String banding = files.stream().map(RuleFile::name).filter(n -> n.contains("banding")).findFirst().orElse("rules");
        return new RuleError(banding, 0, 0, problem.message());
    }

    private static RuleError inRuleFile(RuleFile file, Message message, String text) {
        int line = Math.max(message.getLine(), 0);
        int column = Math.max(message.getColumn(), 0);
        text = text.replaceFirst("^\\[ERR \\d+\\] Line \\d+:\\d+ ", "");
        Matcher position = PARSER_POSITION.matcher(message.getText());
        if (column == 0 && position.find()) {
            line = Integer.parseInt(position.group(1) != null ? position.group(1) : position.group(3));
            column = Integer.parseInt(position.group(2) != null ? position.group(2) : position.group(4)) + 1;
        }
        Matcher expression = EXPRESSION.matcher(text);
        if (line == 0 && expression.find()) {
            Optional<int[]> at = find(file, Pattern.compile(Pattern.quote(expression.group(1).strip())));
            if (at.isPresent()) {
                line = at.get()[0];
                column = at.get()[1];
            }
            text = explainExpression(expression.group(1).strip()).orElse(text);
        }
        return new RuleError(file.name(), line, column, text);
    }

    private static RuleError fromGeneratedJava(Message message, String text, List<RuleFile> files, String generatedSource) {
        String readable = text.replace("RuleContext", "kcontext").replace("org.drools.model.Drools", "kcontext");
        Matcher name = METHOD_OR_NAME.matcher(text);
        String token = null;
        while (name.find() && token == null) {
            for (int g = 1; g <= name.groupCount() && token == null; g++) token = name.group(g);
        }
        if (token != null) {
            Pattern word = Pattern.compile("\\b" + Pattern.quote(token) + "\\b");
            for (RuleFile file : files) {
                Optional<int[]> at = findAfterHeader(file, word);
                if (at.isPresent()) return new RuleError(file.name(), at.get()[0], at.get()[1], readable);
            }
        }
        if (generatedSource != null) {
            Matcher rule = RULE_NAME.matcher(generatedSource);
            if (rule.find()) {
                return locate(new RuleProblem(rule.group(1) != null ? rule.group(1) : rule.group(2), readable), files);
            }
        }
        return new RuleError(files.isEmpty() ? "rules" : files.get(0).name(), 0, 0, readable);
    }

    /** "Unable to parse left part of expression: proprietaryDat == true" becomes a hint with the fields that exist. */
    private static Optional<String> explainExpression(String expression) {
        Matcher identifier = Pattern.compile("^\\s*([A-Za-z_]\\w*)").matcher(expression);
        if (!identifier.find() || FACT_PROPERTIES.contains(identifier.group(1))) return Optional.empty();
        String unknown = identifier.group(1);
        String nearest = NearestName.to(unknown, FACT_PROPERTIES).orElse("");
        return Optional.of("'" + unknown + "' is not a field of Company (did you mean '" + nearest + "'?); fields are "
                + String.join(", ", FACT_PROPERTIES));
    }

    private static List<String> properties() {
        List<String> names = new java.util.ArrayList<>(Arrays.stream(CompanyField.values()).map(CompanyField::fieldName).toList());
        names.addAll(List.of("moatAnchorCount", "moatAnchorsKnown"));
        return List.copyOf(names);
    }

    /** Skips the package, import and global lines, where fact and method names also appear. */
    private static Optional<int[]> findAfterHeader(RuleFile file, Pattern pattern) {
        Matcher firstRule = Pattern.compile("^[ \\t]*(rule|function)\\s", Pattern.MULTILINE).matcher(file.content());
        int from = firstRule.find() ? firstRule.start() : 0;
        Matcher matcher = pattern.matcher(file.content());
        return matcher.find(from) ? Optional.of(position(file.content(), matcher.start())) : Optional.empty();
    }

    private static Optional<int[]> find(RuleFile file, Pattern pattern) {
        Matcher matcher = pattern.matcher(file.content());
        return matcher.find() ? Optional.of(position(file.content(), matcher.start())) : Optional.empty();
    }

    /** 1-based line and column of a character offset. */
    private static int[] position(String content, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        while (lineStart + column - 1 < content.length() && Character.isWhitespace(content.charAt(lineStart + column - 1))
                && content.charAt(lineStart + column - 1) != '\n') {
            column++;
        }
        return new int[] {line, column};
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }
}
