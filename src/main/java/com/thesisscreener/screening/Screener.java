package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Scores companies with one compiled rule set. Thread-safe: every evaluation works in a session of its own, taken
 * from a pool over the one shared rule base and returned reset, so a call does not build a session. A batch is
 * screened in slices of {@link #SESSION_SIZE}, on every core when larger than {@link #PARALLEL_FROM}; results stay in
 * input order.
 */
public final class Screener {

    static final String GLOBAL = "scorecard";
    /**
     * Companies per Drools session. One session per batch would hold every fact and activation of a
     * million-company file at once; small sessions keep a session's working set in the CPU cache and its memory
     * bounded. {@code ./screener bench}, against the plain-Java reference in the same run: sessions of 1,000 0.32-0.34x,
     * of 500 0.30-0.33x, of 5,000 0.22-0.24x, of 100 0.23x (the session's own set-up starts to count).
     */
    public static final int SESSION_SIZE = 1_000;
    /**
     * Batches larger than this are screened on every core, a session per worker; smaller ones on the calling thread,
     * which is already one of several (an upload's screening threads, the scoring calls).
     */
    public static final int PARALLEL_FROM = 5_000;
    private static final Comparator<Finding> LARGEST_EFFECT_FIRST =
            Comparator.comparingInt((Finding f) -> -Math.abs(f.points())).thenComparing(Finding::ruleId);
    /** Sessions made ready with each screener; the pool grows when more evaluations run at once and keeps them. */
    private static final int POOLED_SESSIONS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final KieSessionsPool sessions;
    private final String ruleSetVersion;
    private final RuleCatalogue catalogue;
    private final EvaluationLimits limits;

    private Screener(KieBase kieBase, String ruleSetVersion, RuleCatalogue catalogue, EvaluationLimits limits) {
        this.sessions = kieBase.newKieSessionsPool(POOLED_SESSIONS);
        this.ruleSetVersion = ruleSetVersion;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    /**
     * Wraps a compiled rule set after checking what the compiler cannot: metadata naming real inputs
     * and segments, and a banding rule that sets the starting score and every band floor.
     */
    public static Screener of(KieBase kieBase, String ruleSetVersion) throws InvalidRuleSetException {
        return of(kieBase, ruleSetVersion, EvaluationLimits.defaults());
    }

    /** As {@link #of(KieBase, String)}, with bounds on every evaluation (see {@link EvaluationLimits}). */
    public static Screener of(KieBase kieBase, String ruleSetVersion, EvaluationLimits limits) throws InvalidRuleSetException {
        List<RuleProblem> problems = new ArrayList<>();
        RuleCatalogue catalogue = RuleCatalogue.of(kieBase, problems);
        Screener screener = new Screener(kieBase, ruleSetVersion, catalogue, java.util.Objects.requireNonNull(limits, "limits"));
        Scorecard probe;
        try {
            probe = screener.evaluate(List.of());
        } catch (ScreeningLimitExceededException runaway) {
            throw new InvalidRuleSetException(List.of(new RuleProblem(null, runaway.getMessage())));
        }
        probe.missingBanding().forEach(missing -> problems.add(new RuleProblem(null, "banding: " + missing)));
        if (!problems.isEmpty()) throw new InvalidRuleSetException(problems);
        return screener;
    }

    public String ruleSetVersion() {
        return ruleSetVersion;
    }

    public EvaluationLimits limits() {
        return limits;
    }

    public Recommendation screen(Company company) {
        return screen(List.of(company)).get(0);
    }

    /**
     * Results in input order; the same companies and rules always give the same results.
     *
     * @throws ScreeningLimitExceededException when the rules keep firing or run past the time limit
     */
    public List<Recommendation> screen(List<Company> companies) {
        return screen(companies, screenedSoFar -> { });
    }

    /**
     * As {@link #screen(List)}, telling {@code screenedSoFar} how many companies are screened each time a slice of
     * {@link #SESSION_SIZE} finishes (for a progress display): one call at a time, with a growing count, the last
     * one the number of companies.
     */
    public List<Recommendation> screen(List<Company> companies, IntConsumer screenedSoFar) {
        Progress progress = new Progress(screenedSoFar);
        int slices = (companies.size() + SESSION_SIZE - 1) / SESSION_SIZE;
        if (slices <= 1) return progress.after(screenSlice(companies));
        IntStream sessions = IntStream.range(0, slices);
        if (companies.size() > PARALLEL_FROM) sessions = sessions.parallel();
        List<List<Recommendation>> parts = sessions
                .mapToObj(i -> progress.after(screenSlice(companies.subList(i * SESSION_SIZE, Math.min(companies.size(), (i + 1) * SESSION_SIZE)))))
                .toList();
        List<Recommendation> results = new ArrayList<>(companies.size());
        parts.forEach(results::addAll);
        return results;
    }

    /** Counts screened companies across the workers of one call, reporting each new total in order. */
    private static final class Progress {

        private final IntConsumer listener;
        private int screened;

        Progress(IntConsumer listener) {
            this.listener = java.util.Objects.requireNonNull(listener, "screenedSoFar");
        }

        synchronized List<Recommendation> after(List<Recommendation> slice) {
            screened += slice.size();
            listener.accept(screened);
            return slice;
        }
    }

    private List<Recommendation> screenSlice(List<Company> slice) {
        Scorecard scorecard = evaluate(slice);
        List<Recommendation> results = new ArrayList<>(slice.size());
        for (Company company : slice) {
            results.add(recommend(company, scorecard.tally(company), scorecard));
        }
        return results;
    }

    private Scorecard evaluate(List<Company> companies) {
        Scorecard scorecard = new Scorecard(catalogue, companies);
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(GLOBAL, scorecard);
            for (Company company : companies) {
                session.insert(company);
            }
            fireWithinLimits(session, companies.size());
            for (Object fact : session.getObjects(fact -> fact instanceof VolumeCheck)) {
                VolumeCheck check = (VolumeCheck) fact;
                scorecard.tally(check.company()).volume = check;
            }
        } catch (ScreeningLimitExceededException runaway) {
            throw runaway;
        } catch (RuntimeException failed) {
            // A rule that throws (a missing value unboxed, a division gone wrong) is the rule set's fault, not the caller's.
            throw new ScreeningLimitExceededException("a rule failed while screening " + companies.size() + " companies: "
                    + ruleFailure(failed), failed);
        } finally {
            session.dispose();
        }
        return scorecard;
    }

    /**
     * Fires with a cap on firings and a time limit. Once past the limit every remaining activation is refused, which
     * ends the firing: the same point a halt from another thread would stop it (between firings), without a timer per
     * call, whose shared queue the scoring threads contended for.
     */
    private void fireWithinLimits(KieSession session, int companies) {
        long maxFirings = limits.maxFirings(companies);
        long maxMillis = Math.max(1, limits.maxTime(companies).toMillis());
        WithinTime withinTime = new WithinTime(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis));
        long fired;
        try {
            fired = session.fireAllRules(withinTime, (int) Math.min(Integer.MAX_VALUE, maxFirings + 1));
        } catch (StackOverflowError recursion) {
            throw new ScreeningLimitExceededException("rule set recursed without end while screening " + companies
                    + " companies: a function or rule probably calls itself", recursion);
        }
        if (fired > maxFirings) {
            throw new ScreeningLimitExceededException("rule set kept firing: more than " + maxFirings + " firings for "
                    + companies + " companies (limit " + limits.firingsPerCompany() + " a company + " + limits.baseFirings()
                    + ") — a rule probably re-triggers itself (modify/insert loop)");
        }
        if (withinTime.timedOut) {
            throw new ScreeningLimitExceededException("rule set ran past its time limit: more than " + maxMillis + " ms for "
                    + companies + " companies after " + fired + " firings — a rule probably re-triggers itself or loops");
        }
    }

    /**
     * Refuses every activation once the deadline has passed. Reading the clock costs about as much as a finding's
     * sentence, so it is read every {@link #CLOCK_EVERY}th firing while firings are quick, and before every firing once
     * the last reading found them slow: the limit is overrun by at most that many firings, each bounded (the rule
     * sandbox lets rule code neither loop nor recurse). Only the firing thread calls it.
     */
    private static final class WithinTime implements AgendaFilter {

        static final int CLOCK_EVERY = 32;
        private static final long QUICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
        private final long deadline;
        private long lastRead = System.nanoTime();
        private long firings;
        private long nextRead = 1;
        boolean timedOut;

        WithinTime(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public boolean accept(org.kie.api.runtime.rule.Match match) {
            if (timedOut) return false;
            if (++firings < nextRead) return true;
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                timedOut = true;
                return false;
            }
            nextRead = firings + (now - lastRead < QUICK_NANOS ? CLOCK_EVERY : 1);
            lastRead = now;
            return true;
        }
    }

    /** The failing rule's name and the kind of failure, without internal class or stack details. */
    private static String ruleFailure(RuntimeException failed) {
        String rule = failed instanceof org.kie.api.runtime.rule.ConsequenceException consequence && consequence.getMatch() != null
                ? "rule " + consequence.getMatch().getRule().getName() + " " : "";
        Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
        String what = cause instanceof NullPointerException ? "used an input that is missing (check it is not null first)"
                : cause instanceof ArithmeticException ? "did arithmetic that failed (" + cause.getMessage() + ")"
                : "stopped with an error" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return rule + what;
    }

    private Recommendation recommend(Company company, Scorecard.Tally tally, Scorecard scorecard) {
        VolumeCheck volume = tally.volume;
        int score = Math.max(0, Math.min(100, scorecard.startingScore() + tally.points));
        Band scoreBand = scorecard.bandFor(score);
        Band band = scoreBand;
        for (Cap cap : tally.caps) {
            band = band.lowerOf(cap.ceiling());
        }
        tally.findings.sort(LARGEST_EFFECT_FIRST);

        long known = CompanyField.knownMask(company);
        int applicable = 0;
        int evaluated = 0;
        List<TestNotRun> notRun = new ArrayList<>();
        for (ThesisTest test : catalogue.testsFor(company)) {
            applicable++;
            if (test.canRun(known)) {
                evaluated++;
            } else {
                notRun.add(new TestNotRun(test.ruleId(), test.missingInputs(known)));
            }
        }
        double confidence = applicable == 0 ? 1.0 : (double) evaluated / applicable;

        DerivedFigures derived = new DerivedFigures(
                company.moatAnchorCount(),
                volume != null && volume.priceFell() ? volume.ratio() : null,
                volume != null ? volume.impliedRevenuePerUnitGrowth() : null,
                volume != null && volume.assumed());
        return new Recommendation(company.ticker(), company.name(), company.segment(), score, scoreBand, band,
                confidence, tally.findings, tally.caps, derived, notRun, ruleSetVersion);
    }
}
