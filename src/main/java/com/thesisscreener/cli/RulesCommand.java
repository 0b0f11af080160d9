package com.thesisscreener.cli;

import com.thesisscreener.rules.RuleError;
import com.thesisscreener.rules.RuleFile;
import com.thesisscreener.rules.RuleScenarios;
import com.thesisscreener.rules.RuleEditing;
import com.thesisscreener.rules.ValidationReport;
import com.thesisscreener.screening.ResultChanges;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code rules validate [DIR]} checks a rule folder without screening anything: every error and warning
 * as {@code file:line:column message}; exit 0 valid, 2 invalid.
 * {@code rules preview DIR --against FILE} screens a portfolio with the active rules and the candidate
 * folder and lists the companies that would change band, score or findings.
 * {@code rules test [DIR]} runs the analysts' scenarios in {@code DIR/tests}: exit 0 all pass, 1 a
 * scenario failed (or could not be read), 2 the rules do not compile.
 */
final class RulesCommand {

    private static final Set<String> OPTIONS = Set.of("rules", "tests", "against");
    private static final int SCENARIO_FAILED = 1;

    private final PrintWriter out;
    private final PrintWriter err;
    private final RuleEditing editing = new RuleEditing();

    RulesCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws UsageException {
        if (args.length < 2) throw new UsageException("rules needs a subcommand: validate or test");
        Options options = Options.parse(args, 2, OPTIONS);
        if (options.positional().size() > 1) throw new UsageException("rules " + args[1] + " takes one folder, got " + options.positional());
        Path folder = options.positional().isEmpty() ? CommandLine.rulesFolder(options) : Path.of(options.positional().get(0));
        return switch (args[1]) {
            case "validate" -> {
                if (options.get("tests") != null) throw new UsageException("--tests belongs to 'rules test'");
                yield validate(folder);
            }
            case "test" -> test(folder, options.get("tests") != null ? Path.of(options.get("tests")) : folder.resolve("tests"));
            case "preview" -> {
                if (options.positional().isEmpty() || options.get("against") == null) {
                    throw new UsageException("rules preview needs the candidate folder and --against PORTFOLIO, e.g. rules preview my-rules --against sample-data/ai-portfolio.xlsx");
                }
                yield preview(folder, CommandLine.rulesFolder(options), Path.of(options.get("against")));
            }
            default -> throw new UsageException("unknown rules subcommand '" + args[1] + "' (validate, test or preview)");
        };
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
                    change.findingsAdded().stream().map(f -> "+" + f.ruleId() + " (" + (f.points() >= 0 ? "+" : "") + f.points() + ")"),
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
