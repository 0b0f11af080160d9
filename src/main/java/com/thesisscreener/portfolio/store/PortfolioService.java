package com.thesisscreener.portfolio.store;

import com.thesisscreener.portfolio.ImportedPortfolio;
import com.thesisscreener.report.Screening;
import com.thesisscreener.rules.ActiveRules;
import com.thesisscreener.rules.RuleSet;
import com.thesisscreener.screening.Band;
import com.thesisscreener.screening.Company;
import com.thesisscreener.screening.Finding;
import com.thesisscreener.screening.Recommendation;
import com.thesisscreener.screening.Segment;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores screened portfolios and their runs; every write is one transaction, so nothing is half-stored. */
@Service
public class PortfolioService {

    private final PortfolioRepository repository;
    private final ActiveRules rules;
    private final MeterRegistry meters;
    private final Clock clock;

    PortfolioService(PortfolioRepository repository, ActiveRules rules, MeterRegistry meters) {
        this.repository = repository;
        this.rules = rules;
        this.meters = meters;
        this.clock = Clock.systemUTC();
    }

    /** What an upload produced: the stored portfolio, its first run and the results of that run. */
    public record Created(StoredPortfolio portfolio, ScreeningRun run, List<Recommendation> results) {
    }

    /** Screens an imported file with the active rules and stores portfolio, rows, problems and results together. */
    @Transactional
    public Created store(String name, ImportedPortfolio imported) {
        meters.counter("screener.import.problems").increment(imported.problems().size());
        if (imported.companies().isEmpty()) {
            throw new NothingToScreenException("'" + imported.fileName() + "' has no row that could be screened ("
                    + imported.rowsRead() + " row(s) read, " + imported.problems().size() + " problem(s)); nothing was stored",
                    imported.problems());
        }
        RuleSet ruleSet = rules.current();
        List<Recommendation> results = screen(ruleSet, imported.companies());
        var now = clock.instant();
        long id = repository.insertPortfolio(name, imported.fileName(), imported.sheet(), imported.rowsRead(),
                imported.rowsRejected(), imported.ignoredColumns(), now);
        repository.insertCompanies(id, imported.companies());
        repository.insertProblems(id, imported.problems());
        long runId = repository.insertRun(id, ruleSet.version(), results, now);
        return new Created(portfolio(id), run(id, runId), results);
    }

    /** Screens the stored rows again with the rules active now; the earlier runs stay as they were. */
    @Transactional
    public ScreeningRun rerun(long portfolioId) {
        portfolio(portfolioId);
        RuleSet ruleSet = rules.current();
        List<Recommendation> results = screen(ruleSet, repository.findCompanies(portfolioId));
        long runId = repository.insertRun(portfolioId, ruleSet.version(), results, clock.instant());
        return run(portfolioId, runId);
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
        if (!repository.deletePortfolio(id)) throw new PortfolioNotFoundException("no portfolio with id " + id);
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

    public List<Recommendation> results(ScreeningRun run, Band band, Segment segment) {
        return repository.findResults(run.id(), band, segment);
    }

    public List<com.thesisscreener.portfolio.RowProblem> problems(long portfolioId) {
        portfolio(portfolioId);
        return repository.findProblems(portfolioId);
    }

    /** A run with everything an export needs: results ranked, the portfolio's problems, the rule-set version. */
    public Screening screening(long portfolioId, Long runId) {
        StoredPortfolio portfolio = portfolio(portfolioId);
        ScreeningRun run = runOrLatest(portfolioId, runId);
        return new Screening(portfolio.fileName(), portfolio.sheet(), run.ruleSetVersion(), portfolio.rowsRead(),
                results(run, null, null), repository.findProblems(portfolioId), portfolio.ignoredColumns());
    }

    /** Which companies changed band, score or findings between {@code against} and {@code runId}. */
    public RunDiff diff(long portfolioId, long runId, long againstRunId) {
        ScreeningRun run = run(portfolioId, runId);
        ScreeningRun against = run(portfolioId, againstRunId);
        Map<String, Recommendation> after = byTicker(results(run, null, null));
        Map<String, Recommendation> before = byTicker(results(against, null, null));
        List<RunDiff.Change> changes = new ArrayList<>();
        int unchanged = 0;
        List<String> tickers = new ArrayList<>(after.keySet());
        before.keySet().stream().filter(t -> !after.containsKey(t)).forEach(tickers::add);
        for (String ticker : tickers) {
            Recommendation now = after.get(ticker);
            Recommendation then = before.get(ticker);
            List<Finding> added = missingFrom(then, now);
            List<Finding> removed = missingFrom(now, then);
            boolean same = now != null && then != null && now.score() == then.score() && now.band() == then.band()
                    && added.isEmpty() && removed.isEmpty();
            if (same) {
                unchanged++;
            } else {
                Recommendation named = now != null ? now : then;
                changes.add(new RunDiff.Change(ticker, named.name(), then == null ? null : then.score(), now == null ? null : now.score(),
                        then == null ? null : then.band(), now == null ? null : now.band(), added, removed));
            }
        }
        changes.sort(Comparator.comparing((RunDiff.Change c) -> -Math.abs(Objects.requireNonNullElse(c.scoreAfter(), 0)
                - Objects.requireNonNullElse(c.scoreBefore(), 0))).thenComparing(RunDiff.Change::ticker));
        return new RunDiff(run.id(), run.ruleSetVersion(), against.id(), against.ruleSetVersion(), changes, unchanged);
    }

    private List<Recommendation> screen(RuleSet ruleSet, List<Company> companies) {
        List<Recommendation> results = meters.timer("screener.screening.latency").record(() -> ruleSet.screener().screen(companies));
        meters.counter("screener.screenings").increment();
        meters.counter("screener.companies.scored").increment(companies.size());
        return results;
    }

    /** Findings of {@code in} whose rule id does not fire in {@code base}. */
    private static List<Finding> missingFrom(Recommendation base, Recommendation in) {
        if (in == null) return List.of();
        var baseIds = base == null ? java.util.Set.<String>of() : base.findings().stream().map(Finding::ruleId).collect(Collectors.toSet());
        return in.findings().stream().filter(f -> !baseIds.contains(f.ruleId())).toList();
    }

    private static Map<String, Recommendation> byTicker(List<Recommendation> results) {
        return results.stream().collect(Collectors.toMap(Recommendation::ticker, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
