package com.thesisscreener.cli;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportSummary;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.RowProblem;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.report.CsvReport;
import com.thesisscreener.report.JsonReport;
import com.thesisscreener.report.Screening;
import com.thesisscreener.report.SpilledResults;
import com.thesisscreener.report.TextReport;
import com.thesisscreener.rules.RuleCompilationException;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.RuleSetCompiler;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ScreeningLimitExceededException;
import com.thesisscreener.screening.WhatIf;
import com.thesisscreener.screening.WhatIfAnswers;
import com.thesisscreener.screening.WhatIfSearch;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code screen FILE}: imports a portfolio, scores it with the rule folder and prints the ranking.
 *
 * <p>Streams: companies are screened in batches as their rows are read, and each batch's results are sorted and
 * spilled to a temporary file ({@link SpilledResults}); the output is then written while those files are merged in
 * rank order. Neither the companies nor the results are ever all in memory, so a 1,000,000-row workbook screens
 * within {@code -Xmx256m}. The rules compile while the file is being read. What is kept per company: its ticker (to
 * match results to the book's positions, known only once the whole file is read) and, with {@code --what-if}, its
 * answers.
 */
@Command(name = "screen", description = "Scores every company in an .xlsx, .xls or .csv portfolio and prints the ranking.")
final class ScreenCommand implements Callable<Integer> {

    /** Companies screened together: enough to keep both cores busy, few enough to keep memory small. */
    static final int BATCH = 20_000;
    private static final Set<String> FORMATS = Set.of("table", "json", "csv");

    @Mixin
    private HelpOption help;
    @Parameters(paramLabel = "FILE", description = "the portfolio: .xlsx, .xls or .csv")
    private Path file;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", completionCandidates = Formats.class,
            description = "table, json or csv (default: ${DEFAULT-VALUE})")
    private String format;
    @Option(names = "--out", paramLabel = "FILE", description = "write the output to FILE instead of the terminal")
    private Path outFile;
    @Option(names = "--explain", paramLabel = "TICKER",
            description = "every finding, cap and missing input of one company, and what would lift or drop its band")
    private String explain;
    @Option(names = "--what-if", description = "for every company, the nearest change of each input that moves its band")
    private boolean whatIf;
    @Option(names = "--sheet", paramLabel = "NAME", description = "the sheet to read (found automatically when omitted)")
    private String sheet;
    @Option(names = "--rules", paramLabel = "DIR", description = "rule folder (default ./rules)")
    private Path rulesOption;

    private final PrintWriter out;
    private final PrintWriter err;
    /** Set for {@code whatif FILE}, which is {@code screen FILE --what-if}. */
    private final boolean alwaysWhatIf;

    ScreenCommand(PrintWriter out, PrintWriter err) {
        this(out, err, false);
    }

    private ScreenCommand(PrintWriter out, PrintWriter err, boolean alwaysWhatIf) {
        this.out = out;
        this.err = err;
        this.alwaysWhatIf = alwaysWhatIf;
    }

    /** The {@code whatif} command: this one with the what-if answers always on (its {@code --what-if} option is removed). */
    static picocli.CommandLine whatIf(PrintWriter out, PrintWriter err) {
        picocli.CommandLine command = new picocli.CommandLine(new ScreenCommand(out, err, true));
        CommandSpec spec = command.getCommandSpec();
        spec.remove(spec.findOption("--what-if"));
        spec.name("whatif").usageMessage().description("For every company (or the one --explain names), the nearest change of each "
                + "input that would move its band; the same as screen FILE --what-if.");
        return command;
    }

    /** The output formats, offered by shell completion. */
    static final class Formats extends ArrayList<String> {
        Formats() {
            super(List.of("table", "json", "csv"));
        }
    }

    @Override
    public Integer call() throws UsageException {
        boolean whatIf = this.whatIf || alwaysWhatIf;
        if (!FORMATS.contains(format)) throw new UsageException("--format takes table, json or csv, not '" + format + "'");
        if (whatIf && format.equals("csv")) throw new UsageException("--what-if works with --format table or json, not csv");
        if (!Files.isRegularFile(file)) {
            err.println("screener: " + file + ": no such file");
            return ExitCode.FAILED;
        }
        Path rulesFolder = CommandLine.rulesFolder(rulesOption);
        // The rules compile while the file is read; a refused file is still answered at once, without waiting for them.
        CompletableFuture<RuleSet> rules = CompletableFuture.supplyAsync(() -> compile(rulesFolder));
        try (Batches batches = new Batches(rules, explain, whatIf)) {
            ImportSummary summary = new PortfolioReader(ImportLimits.defaults()).readEach(file, sheet, batches::add);
            batches.flush();
            if (explain != null && batches.explained == null) {
                err.println("screener: no company with ticker '" + explain + "' was screened from " + file);
                return ExitCode.FAILED;
            }
            PositionFigures book = explain != null ? null
                    : PositionFigures.of(each -> batches.results.forEachRanked(each), batches.tickers, summary.positions());
            Screening screening = new Screening(summary.fileName(), summary.sheet(), batches.version(), summary.rowsRead(),
                    summary.rowsRejected(), batches.results, summary.problems(), summary.ignoredColumns(), book);
            write(outFile, format, screening, Optional.ofNullable(batches.explained), new WhatIfs(batches.whatIf));
            for (RowProblem problem : summary.problems()) {
                err.println(problem.message());
            }
            return summary.problems().isEmpty() && summary.rowsRejected() == 0 ? ExitCode.OK : ExitCode.INPUT_PROBLEMS;
        } catch (UnreadableFileException e) {
            err.println("screener: " + e.getMessage());
            return ExitCode.FAILED;
        } catch (RulesDoNotCompile e) {
            err.println("screener: the rules in " + rulesFolder + " do not compile:");
            e.cause.errors().forEach(error -> err.println("  " + rulesFolder.resolve(error.file()) + ":" + error.line() + ":" + error.column() + " " + error.message()));
            return ExitCode.FAILED;
        } catch (ScreeningLimitExceededException runaway) {
            err.println("screener: the rules in " + rulesFolder + " did not finish: " + runaway.getMessage());
            return ExitCode.FAILED;
        } catch (IOException e) {
            err.println("screener: cannot write " + outFile + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private static RuleSet compile(Path folder) {
        try {
            return new RuleSetCompiler().compile(folder);
        } catch (RuleCompilationException e) {
            throw new RulesDoNotCompile(e);
        }
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

    private void write(Path outFile, String format, Screening screening, Optional<Recommendation> explained, WhatIfs whatIf)
            throws IOException {
        if (outFile == null) {
            render(format, screening, explained, whatIf, out);
            return;
        }
        try (OutputStream stream = Files.newOutputStream(outFile);
             PrintWriter writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
            render(format, screening, explained, whatIf, writer);
        }
        err.println("wrote " + (explained.isPresent() ? 1 : screening.screened()) + " companies to " + outFile);
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
        if (whatIf.byTicker().isEmpty()) return;
        screening.results().forEachRanked(r -> {
            WhatIfAnswers answers = whatIf.byTicker().get(r.ticker());
            if (answers == null) return;
            to.println();
            TextReport.whatIf(answers, to);
        });
    }

    /** Companies as they are read, screened a batch at a time; the results spilled in rank order, or the one explained. */
    private static final class Batches implements AutoCloseable {

        private final CompletableFuture<RuleSet> rules;
        private final String explain;
        private final boolean whatIfAll;
        private final List<Company> pending = new ArrayList<>(BATCH);
        /** Every company's ticker in import order, to match results to the positions read with them. */
        private final List<String> tickers = new ArrayList<>();
        private final Map<String, WhatIfAnswers> whatIf = new HashMap<>();
        private WhatIfSearch whatIfRules;
        private SpilledResults results;
        private Recommendation explained;

        Batches(CompletableFuture<RuleSet> rules, String explain, boolean whatIfAll) {
            this.rules = rules;
            this.explain = explain;
            this.whatIfAll = whatIfAll;
        }

        void add(Company company) {
            pending.add(company);
            if (explain == null) tickers.add(company.ticker());
            if (pending.size() == BATCH) flush();
        }

        void flush() {
            RuleSet ruleSet = ruleSet();
            if (results == null) results = new SpilledResults(ruleSet.version());
            if (pending.isEmpty()) return;
            List<Recommendation> screened = ruleSet.screener().screen(pending);
            if (explain == null) {
                results.add(screened);
                if (whatIfAll) answerWhatIf(ruleSet, pending);
            } else if (explained == null) {
                explained = screened.stream().filter(r -> r.ticker().equalsIgnoreCase(explain)).findFirst().orElse(null);
                if (explained != null) {
                    answerWhatIf(ruleSet, pending.stream().filter(c -> c.ticker().equals(explained.ticker())).toList());
                }
            }
            pending.clear();
        }

        private void answerWhatIf(RuleSet ruleSet, List<Company> companies) {
            if (whatIfRules == null) whatIfRules = WhatIfRules.searchFor(ruleSet);
            whatIfRules.answersFor(companies).forEach(a -> whatIf.put(a.ticker(), a));
        }

        String version() {
            return ruleSet().version();
        }

        private RuleSet ruleSet() {
            try {
                return rules.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) throw cause;
                throw e;
            }
        }

        @Override
        public void close() {
            if (results != null) results.close();
        }
    }

    /** The rules failed to compile; carried out of the import's callback unchecked. */
    private static final class RulesDoNotCompile extends RuntimeException {

        private final transient RuleCompilationException cause;

        RulesDoNotCompile(RuleCompilationException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
