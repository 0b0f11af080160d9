package com.thesisscreener.cli;

import com.thesisscreener.screening.Phrases;
import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleScenarios;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.ValidationReport;
import com.thesisscreener.screening.ResultChanges;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rules validate [DIR]} checks a rule folder without screening anything: every error and warning
 * as {@code file:line:column message}; exit 0 valid, 2 invalid.
 * {@code rules preview DIR --against FILE} screens a portfolio with the active rules and the candidate
 * folder and lists the companies that would change band, score or findings.
 * {@code rules test [DIR]} runs the analysts' scenarios in {@code DIR/tests}: exit 0 all pass, 1 a
 * scenario failed (or could not be read), 2 the rules do not compile.
 */
@Command(name = "rules", description = "Checks, tests and previews rule folders without screening a portfolio or activating anything.",
        synopsisSubcommandLabel = "(validate | test | preview)")
final class RulesCommand implements Callable<Integer> {

    private static final int SCENARIO_FAILED = 1;

    @Mixin
    private HelpOption help;

    private final PrintWriter out;
    private final PrintWriter err;
    private final RuleEditing editing = new RuleEditing();

    RulesCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws UsageException {
        throw new UsageException("rules needs a subcommand: validate, test or preview");
    }

    @Command(name = "validate", description = "Checks a rule folder: every error and warning as file:line:column; exit 0 valid, 2 invalid.")
    int validate(@Mixin HelpOption help,
                 @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rule folder (default ./rules)") Path folder,
                 @Option(names = "--rules", paramLabel = "DIR", description = "the rule folder, as DIR") Path rules) {
        return validate(folder != null ? folder : CommandLine.rulesFolder(rules));
    }

    @Command(name = "test", description = "Runs the analysts' scenarios (*.yaml) against a rule folder; exit 0 all pass, 1 one failed, "
            + "2 the rules do not compile.")
    int test(@Mixin HelpOption help,
             @Parameters(arity = "0..1", paramLabel = "DIR", description = "the rule folder (default ./rules)") Path folder,
             @Option(names = "--tests", paramLabel = "DIR", description = "the scenario folder (default DIR/tests)") Path tests,
             @Option(names = "--rules", paramLabel = "DIR", description = "the rule folder, as DIR") Path rules) {
        Path checked = folder != null ? folder : CommandLine.rulesFolder(rules);
        return test(checked, tests != null ? tests : checked.resolve("tests"));
    }

    @Command(name = "preview", description = "Which companies of a portfolio would change band, score or findings with the rules in DIR.")
    int preview(@Mixin HelpOption help,
                @Parameters(paramLabel = "DIR", description = "the candidate rule folder") Path candidate,
                @Option(names = "--against", required = true, paramLabel = "FILE", description = "the portfolio to screen with both") Path portfolio,
                @Option(names = "--rules", paramLabel = "DIR", description = "the rules to compare against (default ./rules)") Path rules) {
        return preview(candidate, CommandLine.rulesFolder(rules), portfolio);
    }

    private int validate(Path folder) {
        ValidationReport report = editing.check(folder);
        print(report, folder, out);
        if (report.valid()) {
            out.println(folder + ": valid, " + report.ruleCount() + " rules in " + report.files().size() + " files, version "
                    + report.version() + plural(report.warnings().size(), ", %d warning"));
            return ExitCode.OK;
        }
        out.println(folder + ": not valid, " + plural(report.errors().size(), "%d error") + plural(report.warnings().size(), ", %d warning")
                + "; the rules would not be used");
        return ExitCode.FAILED;
    }

    /** Screens a portfolio with the active folder and a candidate folder and prints which companies would move. */
    private int preview(Path candidateFolder, Path activeFolder, Path portfolioFile) {
        ValidationReport active = editing.check(activeFolder);
        ValidationReport candidate = editing.check(candidateFolder);
        for (var pair : java.util.List.of(java.util.Map.entry(activeFolder, active), java.util.Map.entry(candidateFolder, candidate))) {
            if (!pair.getValue().valid()) {
                err.println("screener: the rules in " + pair.getKey() + " do not compile:");
                pair.getValue().errors().forEach(error -> err.println("  " + located(error, pair.getValue(), pair.getKey())));
                return ExitCode.FAILED;
            }
        }
        com.thesisscreener.importing.ImportedPortfolio portfolio;
        try {
            portfolio = new com.thesisscreener.importing.PortfolioReader(com.thesisscreener.importing.ImportLimits.defaults()).read(portfolioFile);
        } catch (com.thesisscreener.importing.UnreadableFileException e) {
            err.println("screener: " + e.getMessage());
            return ExitCode.FAILED;
        }
        RuleEditing.Impact impact = editing.preview(active.compiled(), candidate.compiled(), portfolio.companies());
        out.printf("%s (version %s) against %s (version %s) on %s: %d companies, %d would change, %d unchanged%n",
                candidateFolder, candidate.version(), activeFolder, active.version(), portfolioFile, impact.companies(),
                impact.changes().size(), impact.unchanged());
        for (ResultChanges.Change change : impact.resultChanges()) {
            String findings = java.util.stream.Stream.concat(
                    change.findingsAdded().stream().map(f -> "+" + f.ruleId() + " (" + Phrases.points(f.points()) + ")"),
                    change.findingsRemoved().stream().map(f -> "-" + f.ruleId())).collect(java.util.stream.Collectors.joining(" "));
            out.printf("  %-8s %3s -> %-3s  %-10s -> %-10s  %s%n", change.ticker(), text(change.scoreBefore()), text(change.scoreAfter()),
                    text(change.bandBefore()), text(change.bandAfter()), findings);
        }
        return ExitCode.OK;
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private int test(Path folder, Path tests) {
        ValidationReport report = editing.check(folder);
        if (!report.valid()) {
            err.println("screener: the rules in " + folder + " do not compile:");
            report.errors().forEach(error -> err.println("  " + located(error, report, folder)));
            return ExitCode.FAILED;
        }
        RuleScenarios.Report result;
        try {
            result = RuleScenarios.run(report.compiled(), tests);
        } catch (ScreeningLimitExceededException runaway) {
            err.println("screener: the rules in " + folder + " could not screen the scenarios: " + runaway.getMessage());
            return ExitCode.FAILED;
        }
        result.problems().forEach(problem -> out.println(tests.resolve(problem.file()).normalize().equals(tests.normalize())
                ? problem.toString() : tests.resolve(problem.file()) + ":" + problem.line() + ":" + problem.column() + " " + problem.message()));
        for (RuleScenarios.Outcome outcome : result.outcomes()) {
            String where = tests.resolve(outcome.scenario().file()) + ":" + outcome.scenario().line() + " " + outcome.scenario().name();
            if (outcome.passed()) {
                out.println("  ok    " + where);
            } else {
                out.println("  FAIL  " + where);
                outcome.failures().forEach(failure -> out.println("          " + failure));
                out.println("          got: " + outcome.actual());
            }
        }
        int failed = result.failed().size();
        out.println(result.outcomes().size() + " scenarios: " + (result.outcomes().size() - failed) + " passed, " + failed + " failed"
                + plural(result.problems().size(), ", %d unreadable") + " (rule set " + report.version() + ")");
        return result.passed() ? ExitCode.OK : SCENARIO_FAILED;
    }

    private static void print(ValidationReport report, Path folder, PrintWriter out) {
        report.errors().forEach(error -> out.println(located(error, report, folder)));
        report.warnings().forEach(warning -> out.println(located(new RuleError(warning.file(), warning.line(), warning.column(),
                "warning: " + warning.message()), report, folder)));
    }

    /** {@code rules/moat.drl:29:19 message}: the path of a rule file, other places (THESIS.md, the folder) as they are. */
    private static String located(RuleError error, ValidationReport report, Path folder) {
        boolean ruleFile = report.files().stream().map(RuleFile::name).anyMatch(error.file()::equals);
        String file = ruleFile ? folder.resolve(error.file()).toString() : error.file();
        return file + ":" + error.line() + ":" + error.column() + " " + error.message();
    }

    private static String plural(int count, String format) {
        if (count == 0 && format.startsWith(",")) return "";
        return format.formatted(count) + (count == 1 ? "" : "s");
    }
}
