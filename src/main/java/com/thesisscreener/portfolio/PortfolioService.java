package com.thesisscreener.portfolio;

import com.thesisscreener.importing.ImportLimits;
import com.thesisscreener.importing.ImportSummary;
import com.thesisscreener.importing.ImportedPortfolio;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.importing.PortfolioReader;
import com.thesisscreener.importing.Positions;
import com.thesisscreener.importing.UnreadableFileException;
import com.thesisscreener.report.RankedResults;
import com.thesisscreener.report.ResultStats;
import com.thesisscreener.report.Screening;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.rules.WhatIfRules;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.ResultChanges;
import com.thesisscreener.screening.Segment;
import com.thesisscreener.screening.WhatIfAnswers;
import com.thesisscreener.web.InvalidRequestException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores screened portfolios and their runs. A portfolio or run is written in slices, each its own short
 * transaction, and stays hidden from every reader until its last slice is stored; if any slice fails, what was
 * stored of it is deleted. So nothing is ever seen half-stored, and large uploads do not pile up one huge commit.
 */
@Service
public class PortfolioService {

    private static final Logger log = LoggerFactory.getLogger(PortfolioService.class);

    private final PortfolioRepository repository;
    private final ActiveRules rules;
    private final MeterRegistry meters;
    private final Clock clock;
    private final PositionStore positions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Screens the slices of uploads and re-runs while the request threads store them; daemons, stopped with the service. */
    private final ExecutorService screeners = Executors.newFixedThreadPool(CORES, Background.daemons("screening"));

    /** An upload still hidden after this long was abandoned by an instance that stopped mid-way. */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    PortfolioService(PortfolioRepository repository, ActiveRules rules, MeterRegistry meters, PositionStore positions,
                     ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.rules = rules;
        this.meters = meters;
        this.clock = Clock.systemUTC();
        this.positions = positions;
    }

    /**
     * What an upload produced: the stored portfolio, its first run, that run's companies per band (every band
     * present) and the book's figures (null when the file had no position column).
     */
    public record Created(StoredPortfolio portfolio, ScreeningRun run, Map<Band, Integer> bandCounts, PositionFigures positionFigures) {

        /** Companies screened and stored. */
        public int companies() {
            return run.companies();
        }
    }

    /** Screens an imported file with the active rules and stores portfolio, rows, problems and results, shown together. */
    public Created store(String name, ImportedPortfolio imported) {
        return store(name, imported, screenedSoFar -> { });
    }

    /**
     * As {@link #store(String, ImportedPortfolio)}, telling {@code screenedSoFar} how many companies are screened as it
     * goes. Not one transaction: each slice is its own (see the class comment).
     */
    public Created store(String name, ImportedPortfolio imported, IntConsumer screenedSoFar) {
        requireCompanies(imported);
        RuleSet ruleSet = rules.current();
        Instant now = clock.instant();
        long started = System.nanoTime();
        List<Company> companies = imported.companies();
        // Screening starts at once, ahead of the rows being stored.
        try (ScreeningAhead screening = screenAhead(ruleSet, companies)) {
            long id = insertHidden(name, imported.fileName(), now);
            try {
                forEachSlice(companies.size(), (from, to) -> repository.insertCompanies(id, companies.subList(from, to), from));
                describe(id, imported);
                return storeScreened(id, name, imported, ruleSet, screening, screenedSoFar, now, started);
            } catch (RuntimeException failed) {
                inTransaction(() -> repository.discard(id));
                throw failed;
            }
        }
    }

    /** A portfolio read from a file and stored: what was stored, and what reading the file found. */
    public record Read(Created created, ImportedPortfolio imported) {
    }

    /** What a long upload reports as it goes; an upload job shows it. */
    public interface Progress {

        Progress NONE = new Progress() {
        };

        /** Companies read so far. */
        default void read(int companies) {
        }

        /** The file is read: {@code imported} is screened next. */
        default void screening(ImportedPortfolio imported) {
        }

        /** Companies screened so far. */
        default void screened(int companies) {
        }
    }

    /**
     * Reads a portfolio file and stores its rows as they are read, each slice on another thread while the next is
     * parsed; then screens the companies and stores the run as {@link #store} does. Hidden until whole: a file that
     * turns out unreadable part way, or has no row to screen, leaves nothing stored.
     *
     * @param name the portfolio's name; null for the file's name
     */
    public Read readAndStore(String name, Path file, String sheet, ImportLimits limits, Progress progress)
            throws UnreadableFileException {
        RuleSet ruleSet = rules.current();
        Instant now = clock.instant();
        long started = System.nanoTime();
        String fileName = String.valueOf(file.getFileName());
        String shownName = name == null ? fileName : name;
        long id = insertHidden(shownName, fileName, now);
        try (ScreeningAhead screening = ScreeningAhead.fed(ruleSet.screener(), screeners, 2 * CORES)) {
            ImportedPortfolio imported = readStoringRows(id, file, sheet, limits, screening, progress);
            requireCompanies(imported);
            progress.screening(imported);
            describe(id, imported);
            return new Read(storeScreened(id, shownName, imported, ruleSet, screening, progress::screened, now, started), imported);
        } catch (UnreadableFileException | RuntimeException failed) {
            inTransaction(() -> repository.discard(id));
            throw failed;
        }
    }

    /** Reads the file, storing each slice of rows on another thread and screening it ahead as soon as it is complete. */
    private ImportedPortfolio readStoringRows(long id, Path file, String sheet, ImportLimits limits, ScreeningAhead screening,
                                              Progress progress) throws UnreadableFileException {
        List<Company> companies = new ArrayList<>();
        try (RowsWhileReading rows = new RowsWhileReading((slice, from) -> inTransaction(() -> repository.insertCompanies(id, slice, from)),
                screening::feed, PortfolioRepository.SLICE_SIZE)) {
            ImportSummary summary = new PortfolioReader(limits).readEach(file, sheet, company -> {
                companies.add(company);
                rows.added(companies);
                progress.read(companies.size());
            });
            rows.finish(companies);
            return ImportedPortfolio.of(summary, companies);
        }
    }

    private void requireCompanies(ImportedPortfolio imported) {
        meters.counter("screener.import.problems").increment(imported.problems().size());
        if (imported.companies().isEmpty()) {
            throw new NothingToScreenException("'" + imported.fileName() + "' has no row that could be screened ("
                    + imported.rowsRead() + " row(s) read, " + imported.problems().size() + " problem(s)); nothing was stored",
                    imported.problems());
        }
    }

    /** A new portfolio, hidden until {@link PortfolioRepository#reveal}; uploads abandoned long ago are cleared first. */
    private long insertHidden(String name, String fileName, Instant now) {
        return inTransaction(() -> {
            repository.discardAbandoned(now.minus(ABANDONED_AFTER));
            return repository.insertPortfolio(name, fileName, now);
        });
    }

    private void describe(long id, ImportedPortfolio imported) {
        inTransaction(() -> repository.describe(id, imported.sheet(), imported.rowsRead(), imported.rowsRejected(), imported.ignoredColumns()));
    }

    /** With the rows stored: positions, problems, then the run as {@code screening} screens it; logs how long each took. */
    private Created storeScreened(long id, String name, ImportedPortfolio imported, RuleSet ruleSet, ScreeningAhead screening,
                                 IntConsumer screenedSoFar, Instant now, long started) {
        forEachSlice(imported.positions().size(), (from, to) -> positions.insert(id, imported.positions(), from, to));
        inTransaction(() -> repository.insertProblems(id, imported.problems()));
        long rowsStored = System.nanoTime();
        int companies = imported.companies().size();
        StoredRun stored = storeRun(id, ruleSet.version(), screening, imported.positions(), now, screenedSoFar, run -> {
            repository.reveal(id);
            events.publishEvent(new PortfolioUploaded(id, name, imported.fileName(), companies, run, ruleSet.version()));
        });
        log.info("Stored portfolio {} ({} companies) in {} ms: rows {} ms, screening and results {} ms", id, companies,
                (System.nanoTime() - started) / 1_000_000, (rowsStored - started) / 1_000_000, (System.nanoTime() - rowsStored) / 1_000_000);
        return new Created(portfolio(id), run(id, stored.id()), stored.bandCounts(), stored.positionFigures());
    }

    /** Screens the stored rows again with the rules active now; the earlier runs stay as they were. */
    public ScreeningRun rerun(long portfolioId) {
        portfolio(portfolioId);
        RuleSet ruleSet = rules.current();
        List<Company> companies = repository.findCompanies(portfolioId);
        long runId;
        try (ScreeningAhead screening = screenAhead(ruleSet, companies)) {
            runId = storeRun(portfolioId, ruleSet.version(), screening, Positions.none(), clock.instant(), screenedSoFar -> { }, run -> {
                // Hold the portfolio while the run is shown: a delete from another request or instance waits for it (and
                // then removes it with the rest), or came first and this answers 404; never a run without its portfolio.
                if (!repository.lockPortfolio(portfolioId)) throw deletedMeanwhile(portfolioId);
                events.publishEvent(new PortfolioRescreened(portfolioId, run, companies.size(), ruleSet.version()));
            }).id();
        } catch (DataIntegrityViolationException deleted) {
            // Another request (or instance) deleted the portfolio meanwhile: its rows are gone, so is the run.
            throw deletedMeanwhile(portfolioId);
        }
        return run(portfolioId, runId);
    }

    private static PortfolioNotFoundException deletedMeanwhile(long portfolioId) {
        return new PortfolioNotFoundException("portfolio " + portfolioId + " was deleted while it was screened; no run was stored");
    }

    /** A run as stored: its id, companies per band, and the book's figures (null without positions). */
    private record StoredRun(long id, Map<Band, Integer> bandCounts, PositionFigures positionFigures) {
    }

    /**
     * Slices screened ahead, on as many threads as there are cores, as the slices are stored. Two slices per core
     * keep every core busy; more only hold more results (on 2 cores, 8 ahead stored 100,000 no faster than 4).
     */
    private ScreeningAhead screenAhead(RuleSet ruleSet, List<Company> companies) {
        return new ScreeningAhead(ruleSet.screener(), companies, screeners, 2 * CORES, PortfolioRepository.SLICE_SIZE);
    }

    /**
     * Stores a run slice by slice as its slices are screened: only a few slices of results are ever held. The run
     * stays hidden until its last transaction, which also runs {@code beforeShown} with the run's id; if anything
     * fails, what was stored of it is deleted.
     */
    private StoredRun storeRun(long portfolioId, String ruleSetVersion, ScreeningAhead screening, Positions positions, Instant createdAt,
                               IntConsumer screenedSoFar, LongConsumer beforeShown) {
        long runId = inTransaction(() -> repository.startRun(portfolioId, ruleSetVersion, screening.size(), createdAt));
        try {
            RunTally tally = new RunTally(positions);
            while (screening.hasNext()) {
                int from = screening.nextFrom();
                PackedResults results = screening.next();
                screenedSoFar.accept(from + results.size());
                inTransaction(() -> repository.insertResults(runId, results, from));
                tally.add(results.results());
            }
            inTransaction(() -> {
                beforeShown.accept(runId);
                repository.finishRun(runId, tally);
            });
            meters.timer("screener.screening.latency").record(Duration.ofNanos(screening.screeningNanos()));
            meters.counter("screener.screenings").increment();
            meters.counter("screener.companies.scored").increment(tally.size());
            return new StoredRun(runId, tally.bandCounts(), tally.positionFigures());
        } catch (RuntimeException failed) {
            inTransaction(() -> repository.discardRun(runId));
            throw failed;
        }
    }

    /** Runs {@code slice} for consecutive ranges of {@code size} rows, each range in its own transaction. */
    private void forEachSlice(int size, SliceWriter slice) {
        for (int from = 0; from < size; from += PortfolioRepository.SLICE_SIZE) {
            int start = from;
            int end = Math.min(size, from + PortfolioRepository.SLICE_SIZE);
            inTransaction(() -> slice.write(start, end));
        }
    }

    @FunctionalInterface
    interface SliceWriter {
        void write(int from, int to);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    @PreDestroy
    void stopScreening() {
        screeners.shutdownNow();
    }

    public StoredPortfolio portfolio(long id) {
        return repository.findPortfolio(id).orElseThrow(() -> new PortfolioNotFoundException("no portfolio with id " + id));
    }

    public List<StoredPortfolio> portfolios(int page, int size) {
        return repository.findPortfolios(page, size);
    }

    public long portfolioCount() {
        return repository.countPortfolios();
    }

    @Transactional
    public void delete(long id) {
        StoredPortfolio deleted = portfolio(id);
        if (!repository.deletePortfolio(id)) throw new PortfolioNotFoundException("no portfolio with id " + id);
        events.publishEvent(new PortfolioDeleted(id, deleted.name(), deleted.fileName()));
    }

    public List<ScreeningRun> runs(long portfolioId) {
        portfolio(portfolioId);
        return repository.findRuns(portfolioId);
    }

    public ScreeningRun run(long portfolioId, long runId) {
        portfolio(portfolioId);
        return repository.findRun(portfolioId, runId)
                .orElseThrow(() -> new PortfolioNotFoundException("portfolio " + portfolioId + " has no run with id " + runId));
    }

    /** The newest run, or the one asked for. */
    public ScreeningRun runOrLatest(long portfolioId, Long runId) {
        if (runId != null) return run(portfolioId, runId);
        return runs(portfolioId).stream().findFirst()
                .orElseThrow(() -> new PortfolioNotFoundException("portfolio " + portfolioId + " has no run"));
    }

    /** The rank of a ticker in a run (1 best): as stored, or in any case when only one ticker matches that way. */
    public Optional<Integer> rankOf(ScreeningRun run, String ticker) {
        return repository.rankOf(run, ticker);
    }

    /** Companies per band in a run, every band present. */
    public java.util.Map<Band, Integer> bandCounts(ScreeningRun run) {
        return repository.bandCounts(run.id());
    }

    /** Every result of a run in input order, optionally narrowed to a band and a segment. */
    public List<Recommendation> results(ScreeningRun run, Band band, Segment segment) {
        return repository.findResults(run, band, segment);
    }

    /** One page of a run's results in the query's order, with the number that match its filters. */
    public ResultPage<RankedResult> results(ScreeningRun run, ResultQuery query) {
        return repository.findPage(run, query);
    }

    public List<com.thesisscreener.importing.RowProblem> problems(long portfolioId) {
        portfolio(portfolioId);
        return repository.findProblems(portfolioId);
    }

    /**
     * A run with everything an export needs: the portfolio's problems, the rule-set version, and the results, which
     * are read from the database in rank order each time the export goes through them, never all held at once.
     */
    public Screening screening(long portfolioId, Long runId) {
        StoredPortfolio portfolio = portfolio(portfolioId);
        ScreeningRun run = runOrLatest(portfolioId, runId);
        ResultStats stats = repository.stats(run);
        RankedResults ranked = new RankedResults() {
            @Override
            public ResultStats stats() {
                return stats;
            }

            @Override
            public void forEachRanked(Consumer<? super Recommendation> each) {
                repository.forEachRanked(run, each);
            }
        };
        return new Screening(portfolio.fileName(), portfolio.sheet(), run.ruleSetVersion(), portfolio.rowsRead(), portfolio.rowsRejected(),
                ranked, repository.findProblems(portfolioId), portfolio.ignoredColumns(), positionFigures(portfolioId, run));
    }

    /**
     * What-if answers for the companies of a run with these tickers, by ticker. The answers come from the active
     * rules, so the run must have been screened with them: otherwise answer and result would disagree.
     */
    public Map<String, WhatIfAnswers> whatIf(long portfolioId, ScreeningRun run, Set<String> tickers) {
        RuleSet active = rules.current();
        if (!active.version().equals(run.ruleSetVersion())) {
            throw new InvalidRequestException("whatIf needs a run screened with the active rules: run " + run.id() + " used rule set "
                    + run.ruleSetVersion() + ", the active one is " + active.version() + "; screen the portfolio again (POST .../runs)",
                    "whatIf");
        }
        List<Company> companies = repository.findCompanies(portfolioId).stream().filter(c -> tickers.contains(c.ticker())).toList();
        Map<String, WhatIfAnswers> answers = new HashMap<>();
        WhatIfRules.searchFor(active).answersFor(companies).forEach(a -> answers.put(a.ticker(), a));
        return answers;
    }

    /** The book's figures for results of this portfolio (any order), or null when it was uploaded without positions. */
    public PositionFigures positionFigures(long portfolioId, List<Recommendation> results) {
        Positions book = positions.find(portfolioId);
        if (!book.present()) return null;
        return PositionFigures.of(results, repository.findCompanies(portfolioId), book);
    }

    /**
     * The book's figures for a run: weight by band, weighted score, exposure per finding; null without positions.
     * The run's results are read in rank order as they stream from the database, never all held at once.
     */
    public PositionFigures positionFigures(long portfolioId, ScreeningRun run) {
        Positions book = positions.find(portfolioId);
        if (!book.present()) return null;
        List<String> tickers = repository.findCompanies(portfolioId).stream().map(Company::ticker).toList();
        return PositionFigures.of(each -> repository.forEachRanked(run, each), tickers, book);
    }

    /** Which companies changed band, score or findings between {@code against} and {@code runId}. */
    public RunDiff diff(long portfolioId, long runId, long againstRunId) {
        ScreeningRun run = run(portfolioId, runId);
        ScreeningRun against = run(portfolioId, againstRunId);
        ResultChanges changes;
        int unchanged;
        if (run.companies() == against.companies()) {
            List<Recommendation[]> pairs = repository.findDifferingPairs(against, run);
            changes = ResultChanges.between(pairs.stream().map(pair -> pair[0]).toList(), pairs.stream().map(pair -> pair[1]).toList());
            unchanged = run.companies() - pairs.size() + changes.unchanged();
        } else {
            // Runs of one portfolio hold the same rows; only a damaged store gets here, so compare everything.
            changes = ResultChanges.between(results(against, null, null), results(run, null, null));
            unchanged = changes.unchanged();
        }
        return new RunDiff(run.id(), run.ruleSetVersion(), against.id(), against.ruleSetVersion(), changes.changes(), unchanged);
    }

    /** The stored rows of a portfolio, for screening them again with other rules. */
    public List<Company> companies(long portfolioId) {
        portfolio(portfolioId);
        return repository.findCompanies(portfolioId);
    }
}
