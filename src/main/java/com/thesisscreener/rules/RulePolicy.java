package com.thesisscreener.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a rule file may do, checked before Drools sees it: rule files are untrusted code, and the
 * executable model compiles their conditions, consequences and functions to Java. A rule may read the
 * fact fields, call {@code Math} and the {@code Phrases} formatters, record on the {@code scorecard}
 * and insert a {@code VolumeCheck}; nothing else of the JDK or the application is reachable.
 *
 * <p>The check works on the DRL text with comments and string literals blanked out (same length,
 * newlines kept), so a sentence that mentions "System" is fine while code that calls it is not.
 * Each violation is a {@link RuleError} at the file, line and column of the offending code.
 */
public final class RulePolicy {

    static final String AVAILABLE = "only the scorecard, the fact fields (Company, VolumeCheck, Segment, SwitchingCost, Band), "
            + "the Phrases formatters (pct, signedPct, times, usd, number) and Math are available";

    private static final String FACT_MODEL = "com\\.thesisscreener\\.screening\\.(?:Company|Segment|SwitchingCost|Band|VolumeCheck)";
    private static final Pattern ALLOWED_IMPORT = Pattern.compile(
            "(?:" + FACT_MODEL + "|java\\.lang\\.Math)"
            + "|function\\s+com\\.thesisscreener\\.screening\\.Phrases\\.(?:\\w+|\\*)");
    private static final Pattern IMPORT = Pattern.compile("^[ \\t]*import\\b([^;\\n]*);?", Pattern.MULTILINE);
    private static final Pattern GLOBAL = Pattern.compile("^[ \\t]*global\\b([^;\\n]*);?", Pattern.MULTILINE);
    private static final Pattern ALLOWED_GLOBAL = Pattern.compile("\\s*com\\.thesisscreener\\.screening\\.Scorecard\\s+scorecard\\s*");

    /** Fully-qualified names outside the fact model; the allowed ones are cut out of the text before this runs. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(java|javax|jdk|sun|com\\.sun|org\\.springframework|org\\.drools|org\\.kie|org\\.mvel2?|com\\.thesisscreener)\\s*\\.\\s*[\\w.]*");
    private static final Pattern ALLOWED_QUALIFIED = Pattern.compile(
            "\\b(?:" + FACT_MODEL + "|com\\.thesisscreener\\.screening\\.Phrases|com\\.thesisscreener\\.screening\\.Scorecard(?=\\s+scorecard)|java\\.lang\\.Math)\\b");

    /** Each pattern's match, spaces removed and any trailing "(" dropped, fills the message's %s. */
    private static final List<Check> CHECKS = List.of(
            new Check(Pattern.compile("\\b(?:System|Runtime|ProcessBuilder|ProcessHandle|Process)\\b(?:\\s*\\.\\s*\\w+)?"),
                    "rule files may not call %s: it reaches the operating system"),
            new Check(Pattern.compile("\\b(?:Thread|ThreadGroup|ThreadLocal|InheritableThreadLocal|Executors|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b(?:\\s*\\.\\s*\\w+)?"),
                    "rule files may not use %s: threads and scheduling belong to the engine"),
            new Check(Pattern.compile("\\b(?:ClassLoader|Class|Method|Field|Constructor|MethodHandles|MethodHandle|Proxy|Unsafe|StackWalker|Module|ModuleLayer|Package|SecurityManager|ScriptEngineManager|InitialContext)\\b(?:\\s*\\.\\s*\\w+)?"),
                    "rule files may not use %s: reflection and class loading reach any code"),
            new Check(Pattern.compile("\\.\\s*(?:getClass|forName|getDeclared\\w*|setAccessible|newInstance|invoke\\w*|getMethods?|getFields?|getConstructors?|getClassLoader|loadClass|lookup|getRuntime|getKieRuntime|getKieBase|getSession)\\s*\\("),
                    "rule files may not call %s(...): reflection and engine internals are off limits"),
            new Check(Pattern.compile("\\b(?:File|Files|Paths|Path|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|InputStream|OutputStream|Reader|Writer|PrintStream|Scanner|Socket|ServerSocket|DatagramSocket|URL|URI|HttpClient|HttpURLConnection|URLConnection|ObjectInputStream|ObjectOutputStream|Console)\\b(?:\\s*\\.\\s*\\w+)?"),
                    "rule files may not use %s: rules read the company's fields, never files or the network"),
            new Check(Pattern.compile("\\b(?:exit|exec|halt)\\s*\\("),
                    "rule files may not call %s(...)"),
            new Check(Pattern.compile("\\beval\\s*\\("),
                    "rule files may not use %s(...) conditions: an eval runs arbitrary code; write the test as a constraint, "
                    + "e.g. Company( capexToRevenue != null, capexToRevenue >= 0.4 )"),
            new Check(Pattern.compile("^[ \\t]*(?:declare|query|unit|window|timer|calendars)\\b|\\bentry-point\\b", Pattern.MULTILINE),
                    "rule files may not use '%s': rules score the companies given, they do not declare types, queries, timers or streams"),
            new Check(Pattern.compile("\\b(?:modify|update|retract|delete)\\s*[({]"),
                    "rule files may not %s facts: companies are read-only and a rule that changes facts can re-trigger itself; "
                    + "record findings with scorecard.add(...)"),
            new Check(Pattern.compile("\\b(?:while|for|do)\\b\\s*[({]"),
                    "rule files may not loop ('%s'): a loop can run forever where the time limit cannot stop it; "
                    + "write a condition or a threshold function instead"),
            new Check(Pattern.compile("\\b(?:kcontext|drools)\\s*\\.\\s*\\w+"),
                    "rule files may not use '%s' directly: pass kcontext to scorecard.add(...) or scorecard.cap(...)"));

    private RulePolicy() {
    }

    /** Every violation of the policy in one DRL text (for a decision table: the DRL generated from it). */
    public static List<RuleError> check(String fileName, String drl) {
        List<RuleError> violations = new ArrayList<>();
        int escape = drl.indexOf("\\u");
        if (escape >= 0) {
            violations.add(at(fileName, drl, escape, "rule files may not contain unicode escapes (\\uXXXX): type the character itself"));
        }
        String code = blankCommentsAndStrings(drl);
        StringBuilder rest = new StringBuilder(code);

        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String imported = imports.group(1).strip();
            if (!ALLOWED_IMPORT.matcher(imported).matches()) {
                violations.add(at(fileName, drl, imports.start(1) + leading(imports.group(1)),
                        "rule files may not import " + imported + ": imports are limited to the fact model "
                                + "(com.thesisscreener.screening.Company, Segment, SwitchingCost, Band, VolumeCheck), "
                                + "'import function com.thesisscreener.screening.Phrases.*' and java.lang.Math; " + AVAILABLE));
            }
            blank(rest, imports.start(), imports.end());
        }
        Matcher globals = GLOBAL.matcher(code);
        while (globals.find()) {
            if (!ALLOWED_GLOBAL.matcher(globals.group(1)).matches()) {
                violations.add(at(fileName, drl, globals.start(1) + leading(globals.group(1)),
                        "rule files may not declare the global" + globals.group(1).stripTrailing()
                                + ": the one global is 'global com.thesisscreener.screening.Scorecard scorecard;'"));
            }
            blank(rest, globals.start(), globals.end());
        }
        Matcher allowed = ALLOWED_QUALIFIED.matcher(rest);
        List<int[]> cut = new ArrayList<>();
        while (allowed.find()) cut.add(new int[] {allowed.start(), allowed.end()});
        cut.forEach(range -> blank(rest, range[0], range[1]));

        Matcher qualified = QUALIFIED.matcher(rest.toString());
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s+", "");
            violations.add(at(fileName, drl, qualified.start(), "rule files may not use " + trimDot(name) + ": names under "
                    + qualified.group(1) + ". reach code outside the rules; " + AVAILABLE));
            blank(rest, qualified.start(), qualified.end());
        }
        for (Check check : CHECKS) {
            Matcher matcher = check.pattern().matcher(rest.toString());
            List<int[]> found = new ArrayList<>();
            while (matcher.find()) {
                String what = matcher.group().strip().replaceAll("\\s+", "").replaceAll("[({]$", "").replaceFirst("^\\.", ".");
                int start = matcher.start() + leading(matcher.group());
                violations.add(at(fileName, drl, start, check.message().formatted(what) + "; " + AVAILABLE));
                found.add(new int[] {matcher.start(), matcher.end()});
            }
            found.forEach(range -> blank(rest, range[0], range[1])); // one violation per piece of code
        }
        violations.sort(java.util.Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
        return violations;
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

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) if (text.charAt(i) != '\n') text.setCharAt(i, ' ');
    }

    private static int leading(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
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

    private record Check(Pattern pattern, String message) {
    }
}
