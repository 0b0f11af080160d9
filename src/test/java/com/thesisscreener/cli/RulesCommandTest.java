package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rules validate} and {@code rules test} on the shipped rules and on a broken copy. */
class RulesCommandTest {

    @TempDir
    Path copy;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theShippedRulesValidateAndTheirScenariosPass() {
        assertThat(run("rules", "validate", "rules")).isZero();
        assertThat(stdout()).contains("rules: valid, ").doesNotContain("warning");

        out.reset();
        assertThat(run("rules", "test", "rules")).isZero();
        assertThat(stdout()).contains("  ok    " + Path.of("rules", "tests", "volume.yaml")).containsPattern("\\d+ scenarios: \\d+ passed, 0 failed");
    }

    @Test
    void aBrokenFolderIsReportedAsFileLineColumnWithExitCode2() throws IOException {
        copyRules();
        Path moat = copy.resolve("moat.drl");
        Files.writeString(moat, Files.readString(moat).replace("Company( ownsCompute == true )", "Company( ownsCompute == true, System.getenv(\"HOME\") != null )"));

        assertThat(run("rules", "validate", copy.toString())).isEqualTo(2);
        assertThat(stdout()).containsPattern(java.util.regex.Pattern.quote(moat.toString()) + ":\\d+:\\d+ rule MOAT-COMPUTE: rule code may not call java.lang.System.getenv")
                .contains(": not valid, 1 error");
        assertThat(run("rules", "test", copy.toString())).isEqualTo(2);
    }

    @Test
    void aFailingScenarioExitsWith1() throws IOException {
        copyRules();
        Files.createDirectories(copy.resolve("tests"));
        Files.writeString(copy.resolve("tests/one.yaml"), "name: wrong\ncompany: { segment: OTHER }\nexpect: { band: BUY }\n");

        assertThat(run("rules", "test", copy.toString())).isEqualTo(1);
        assertThat(stdout()).contains("FAIL", "expected band BUY, got HOLD", "got: score 50, band HOLD", "1 scenarios: 0 passed, 1 failed");
    }

    private void copyRules() throws IOException {
        try (var files = Files.list(Path.of("rules"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) Files.copy(file, copy.resolve(file.getFileName()));
        }
    }

    private int run(String... args) {
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
