package com.thesisscreener.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Scores companies with one compiled rule set. Thread-safe: every evaluation works in a session of its own, taken
 * from a pool over the one shared rule base and returned reset, so a call does not build a session. A batch larger
 * than one session's slice is screened on every core, a session per worker; results stay in input order.
 */
public final class Screener {

    static final String GLOBAL = "scorecard";
    /**
     * Companies per Drools session. One session per batch would hold every fact and activation of a
     * million-company file at once; slices this size keep a session's working set in the CPU cache
     * (measured about twice as fast as one 100,000-company session) and its memory bounded.
     */
    public static final int SESSION_SIZE = 5_000;
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
        List<List<Recommendation>> parts = IntStream.range(0, slices).parallel()
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
        Map<Company, VolumeCheck> volumeChecks = new IdentityHashMap<>();
        Scorecard scorecard = evaluate(slice, volumeChecks);
        List<Recommendation> results = new ArrayList<>(slice.size());
        for (Company company : slice) {
            results.add(recommend(company, scorecard.tally(company), volumeChecks.get(company), scorecard));
        }
        return results;
    }

    private Scorecard evaluate(List<Company> companies) {
        return evaluate(companies, new IdentityHashMap<>());
    }

    private Scorecard evaluate(List<Company> companies, Map<Company, VolumeCheck> volumeChecks) {
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
                volumeChecks.put(check.company(), check);
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
     * Fires with a cap on firings and a time limit. The clock is read before each firing and, once past the limit, every
     * remaining activation is refused, which ends the firing: the same point a halt from another thread would stop it
     * (between firings), without a timer per call, whose shared queue the scoring threads contended for.
     */
    private void fireWithinLimits(KieSession session, int companies) {
        long maxFirings = limits.maxFirings(companies);
        long maxMillis = Math.max(1, limits.maxTime(companies).toMillis());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        AtomicBoolean timedOut = new AtomicBoolean();
        AgendaFilter withinTime = match -> {
            if (timedOut.get()) return false;
            if (System.nanoTime() - deadline < 0) return true;
            timedOut.set(true);
            return false;
        };
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
        if (timedOut.get()) {
            throw new ScreeningLimitExceededException("rule set ran past its time limit: more than " + maxMillis + " ms for "
                    + companies + " companies after " + fired + " firings — a rule probably re-triggers itself or loops");
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

    private Recommendation recommend(Company company, Scorecard.Tally tally, VolumeCheck volume, Scorecard scorecard) {
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
