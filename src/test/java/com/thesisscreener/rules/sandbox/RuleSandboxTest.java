package com.thesisscreener.rules.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.rules.ValidationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule files are untrusted code. Each file in {@code src/test/resources/attacks} tries one way out of the
 * sandbox (an OS command, a file read, reflection, a library helper, names in strings, loops, recursion,
 * memory); every one must be refused with its file and line, and none may leave its marker file behind.
 */
class RuleSandboxTest {

    static final Path ATTACKS = Path.of("src/test/resources/attacks");

    @TempDir
    Path markers;

    @TestFactory
    Stream<DynamicTest> everyAttackIsRefusedAtItsFileAndLineAndLeavesNoMarker() throws IOException {
        return attackNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path marker = markers.resolve(name + ".marker");
            RuleFile attack = attack(name, marker);

            ValidationReport report = new RuleSetCompiler().validate(List.of(attack));

            assertThat(report.valid()).as(name).isFalse();
            assertThat(report.errors()).as(name).isNotEmpty().allSatisfy(error -> {
                assertThat(error.file()).isEqualTo(attack.name());
                assertThat(error.line()).as(error.toString()).isPositive();
                assertThat(error.message()).doesNotContain("Lambda", "Rules", "$");
            });
            assertThat(report.errors()).extracting(RuleError::message).as(name)
                    .anyMatch(message -> message.contains("may not") || message.contains("more than"));
            assertThat(marker).as("the attack's code ran").doesNotExist();
        }));
    }

    @Test
    void theRefusalNamesTheForbiddenMemberInJavaTermsAndTheLineOfTheCall() throws IOException {
        RuleFile attack = attack("runtime-exec", markers.resolve("exec.marker"));

        List<RuleError> errors = new RuleSetCompiler().validate(List.of(attack)).errors();

        int line = lineOf(attack.content(), "Runtime.getRuntime()");
        assertThat(errors).extracting(RuleError::toString).contains(
                "runtime-exec.drl:" + line + ":13 rule ATTACK-EXEC: rule code may not call java.lang.Runtime.getRuntime(...): "
                        + CompiledRuleVerifier.ALLOWED_SUMMARY);
    }

    @Test
    void aFunctionThatLoopsIsRefusedAtTheLoop() throws IOException {
        RuleFile attack = attack("loop", markers.resolve("loop.marker"));

        RuleError error = new RuleSetCompiler().validate(List.of(attack)).errors().get(0);

        assertThat(error.line()).isEqualTo(lineOf(attack.content(), "while (x >= 0)"));
        assertThat(error.message()).startsWith("function spin(): rule code may not loop");
    }

    @Test
    void theShippedRulesPassTheSandboxUnchanged() throws Exception {
        ValidationReport report = new RuleSetCompiler().validate(Path.of("rules"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void aSentenceBuiltOnceFromFactsAndFormattersIsAllowedWhileOneDoubledAgainAndAgainIsNot() throws IOException {
        String header = Files.readString(ATTACKS.resolve("string-doubling.drl"));
        String body = header.substring(0, header.indexOf("rule \""));
        RuleFile fine = new RuleFile("fine.drl", body + """
                rule "FINE"
                when
                    $c : Company( evToSales != null )
                then
                    String s = $c.ticker() + " at " + $c.evToSales() + "x";
                    s = s + " (" + $c.name() + ")";
                    scorecard.add(kcontext, $c, 0, s + s);
                end
                """);

        List<RuleError> errors = new RuleSetCompiler().validate(List.of(fine)).errors();

        assertThat(errors).noneMatch(error -> error.message().contains("text"));
        assertThat(errors).noneMatch(error -> error.message().contains("may not"));
    }

    static List<String> attackNames() throws IOException {
        try (Stream<Path> files = Files.list(ATTACKS)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".drl"))
                    .map(name -> name.substring(0, name.length() - ".drl".length())).sorted().toList();
        }
    }

    /** An attack file with its marker path filled in: the file its code would create if it ever ran. */
    static RuleFile attack(String name, Path marker) throws IOException {
        String text = Files.readString(ATTACKS.resolve(name + ".drl")).replace("MARKER", marker.toAbsolutePath().toString());
        return new RuleFile(name + ".drl", text);
    }

    static int lineOf(String text, String needle) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not found");
    }
}
