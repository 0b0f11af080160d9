package com.thesisscreener.cli;

import com.thesisscreener.portfolio.ImportLimits;
import com.thesisscreener.portfolio.ImportedPortfolio;
import com.thesisscreener.portfolio.PortfolioReader;
import com.thesisscreener.portfolio.RowProblem;
import com.thesisscreener.portfolio.UnreadableFileException;
import com.thesisscreener.report.CsvReport;
import com.thesisscreener.report.JsonReport;
import com.thesisscreener.report.Screening;
import com.thesisscreener.report.TextReport;
import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.screening.WhatIfAnswers;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code screen FILE}: imports a portfolio, scores it with the rule folder and prints the ranking. */
final class ScreenCommand {

    private static final Set<String> OPTIONS = Set.of("format", "out", "explain", "rules", "sheet");
    private static final Set<String> FLAGS = Set.of("what-if");
    private static final Set<String> FORMATS = Set.of("table", "json", "csv");

    private final PrintWriter out;
    private final PrintWriter err;

    ScreenCommand(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws UsageException {
        Options options = Options.parse(args, 1, OPTIONS, FLAGS);
        if (options.positional().size() != 1) {
            throw new UsageException(options.positional().isEmpty() ? "screen needs a portfolio file" : "screen takes one file, got " + options.positional());
        }
        String format = options.get("format", "table");
        if (!FORMATS.contains(format)) throw new UsageException("--format takes table, json or csv, not '" + format + "'");
        if (options.has("what-if") && format.equals("csv")) throw new UsageException("--what-if works with --format table or json, not csv");
        Path file = Path.of(options.positional().get(0));
        if (!Files.isRegularFile(file)) {
            err.println("screener: " + file + ": no such file");
            return ExitCode.FAILED;
        }

        // The file first: a refused file is answered at once, before the seconds that compiling the rules takes.
        ImportedPortfolio portfolio;
        try {
            portfolio = new PortfolioReader(ImportLimits.defaults()).read(file, options.get("sheet"));
        } catch (UnreadableFileException e) {
            err.println("screener: " + e.getMessage());
            return ExitCode.FAILED;
        }

        RuleSet rules;
        Path rulesFolder = CommandLine.rulesFolder(options);
        try {
            rules = new RuleSetCompiler().compile(rulesFolder);
        } catch (RuleCompilationException e) {
            err.println("screener: the rules in " + rulesFolder + " do not compile:");
            e.errors().forEach(error -> err.println("  " + rulesFolder.resolve(error.file()) + ":" + error.line() + ":" + error.column() + " " + error.message()));
            return ExitCode.FAILED;
        }
        Screening screening;
        try {
            screening = Screening.of(portfolio, rules.screener().screen(portfolio.companies()), rules.version());
        } catch (ScreeningLimitExceededException runaway) {
            err.println("screener: the rules in " + rulesFolder + " did not finish: " + runaway.getMessage());
            return ExitCode.FAILED;
        }

        String explain = options.get("explain");
        Optional<Recommendation> explained = Optional.empty();
        if (explain != null) {
            explained = screening.ranked().stream().filter(r -> r.ticker().equalsIgnoreCase(explain)).findFirst();
            if (explained.isEmpty()) {
                err.println("screener: no company with ticker '" + explain + "' was screened from " + file);
                return ExitCode.FAILED;
            }
        }
        WhatIfs whatIf;
        try {
            whatIf = whatIf(rules, portfolio, explained, options.has("what-if"));
        } catch (ScreeningLimitExceededException runaway) {
            err.println("screener: the rules in " + rulesFolder + " did not finish: " + runaway.getMessage());
            return ExitCode.FAILED;
        }
        try {
            write(options.get("out"), format, screening, explained, whatIf);
        } catch (IOException e) {
            err.println("screener: cannot write " + options.get("out") + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
        for (RowProblem problem : screening.problems()) {
            err.println(problem.message());
        }
        return screening.problems().isEmpty() ? ExitCode.OK : ExitCode.INPUT_PROBLEMS;
    }

    /** What-if answers by ticker: for the explained company always, for every company with --what-if. */
    private record WhatIfs(Map<String, WhatIfAnswers> byTicker) {
        List<WhatIf> answers(String ticker) {
            WhatIfAnswers found = byTicker.get(ticker);
            return found == null ? List.of() : found.answers();
        }

        Map<String, List<WhatIf>> lists() {
            Map<String, List<WhatIf>> lists = new HashMap<>();
            byTicker.forEach((ticker, found) -> lists.put(ticker, found.answers()));
            return lists;
        }
    }

    private static WhatIfs whatIf(RuleSet rules, ImportedPortfolio portfolio, Optional<Recommendation> explained, boolean all) {
        if (!all && explained.isEmpty()) return new WhatIfs(Map.of());
        List<Company> companies = portfolio.companies().stream()
                .filter(c -> all || c.ticker().equals(explained.get().ticker())).toList();
        Map<String, WhatIfAnswers> byTicker = new HashMap<>();
        WhatIfRules.searchFor(rules).answersFor(companies).forEach(a -> byTicker.put(a.ticker(), a));
        return new WhatIfs(byTicker);
    }

    private void write(String outFile, String format, Screening screening, Optional<Recommendation> explained, WhatIfs whatIf)
            throws IOException {
        if (outFile == null) {
            render(format, screening, explained, whatIf, out);
            return;
        }
        try (OutputStream stream = Files.newOutputStream(Path.of(outFile));
             PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            render(format, screening, explained, whatIf, writer);
        }
        err.println("wrote " + screening.ranked().size() + " companies to " + outFile);
    }

    private static void render(String format, Screening screening, Optional<Recommendation> explained, WhatIfs whatIf,
                               PrintWriter to) {
        switch (format) {
            case "json" -> {
                if (explained.isPresent()) JsonReport.write(explained.get(), whatIf.answers(explained.get().ticker()), to);
                else if (!whatIf.byTicker().isEmpty()) JsonReport.write(screening, whatIf.lists(), to);
                else JsonReport.write(screening, to);
                to.println();
            }
            case "csv" -> CsvReport.write(explained.map(screening::only).orElse(screening), to);
            default -> {
                if (explained.isPresent()) {
                    TextReport.explain(explained.get(), whatIf.byTicker().get(explained.get().ticker()), to);
                } else {
                    TextReport.table(screening, to);
                    whatIfSections(screening, whatIf, to);
                }
            }
        }
        to.flush();
    }

    private static void whatIfSections(Screening screening, WhatIfs whatIf, PrintWriter to) {
        for (Recommendation r : screening.ranked()) {
            WhatIfAnswers answers = whatIf.byTicker().get(r.ticker());
            if (answers == null) continue;
            to.println();
            TextReport.whatIf(answers, to);
        }
    }
}
