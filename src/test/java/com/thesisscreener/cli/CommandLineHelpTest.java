package com.thesisscreener.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The command line's generated help, bash completion and one-line answers to a mistyped command. */
class CommandLineHelpTest {

    private record Run(int exit, String out, String err) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "screen --help           | Usage: screener screen | --explain=TICKER",
            "rules --help            | Usage: screener rules  | validate",
            "rules validate --help   | Usage: screener rules validate | --rules=DIR",
            "rules test -h           | Usage: screener rules test | --tests=DIR",
            "rules preview --help    | Usage: screener rules preview | --against=FILE",
            "generate --help         | Usage: screener generate | --rows=N",
            "bench --help            | Usage: screener bench | --what-if=N",
            "whatif --help           | Usage: screener whatif | --explain=TICKER",
            "serve --help            | Usage: screener serve | --server.port",
            "help screen             | Usage: screener screen | --sheet=NAME",
            "--help                  | Usage: screener | completion"})
    void everyCommandExplainsItselfOnStdoutAndExitsZero(String command, String usage, String option) {
        Run run = run(command.split(" "));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith(usage).contains(option);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noCommandListsTheCommandsAndIsAUsageError() {
        Run run = run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("screen", "rules", "generate", "bench", "serve", "completion", "Exit codes");
    }

    @Test
    void theCompletionScriptCompletesTheCommandsAndTheirOptions() {
        Run run = run("completion");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F", "screener", "--explain", "--against", "validate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"frobnicate", "screen", "screen a.xlsx --colour red", "rules", "rules preview rules", "bench --rounds many",
            "generate --rows 10 --seed x", "rules validate rules extra"})
    void aMistypedCommandGetsOneLineNamingItsHelpAndExitCodeTwo(String command) {
        Run run = run(command.split(" "));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).singleElement().asString().startsWith("screener: ").contains("--help)")
                .doesNotContain("Exception");
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
