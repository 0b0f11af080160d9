package com.thesisscreener.screening;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds on one evaluation, so a rule that keeps re-triggering itself ends with a clear error instead
 * of a hung request: at most {@code baseFirings + firingsPerCompany * companies} rule firings, and at most
 * {@code baseTime + timePerCompany * companies} of wall-clock time.
 *
 * <p>The shipped rules fire a handful of times per company (under 20), so the defaults (200 a company
 * plus 1000; 10 s plus 1 ms a company) are far above anything a correct rule set needs.
 */
public record EvaluationLimits(int firingsPerCompany, int baseFirings, Duration baseTime, Duration timePerCompany) {

    public EvaluationLimits {
        if (firingsPerCompany < 1 || baseFirings < 1) throw new IllegalArgumentException("firing limits must be positive");
        Objects.requireNonNull(baseTime, "baseTime");
        Objects.requireNonNull(timePerCompany, "timePerCompany");
        if (baseTime.isNegative() || baseTime.isZero() || timePerCompany.isNegative()) {
            throw new IllegalArgumentException("time limits must be positive");
        }
    }

    public static EvaluationLimits defaults() {
        return new EvaluationLimits(200, 1000, Duration.ofSeconds(10), Duration.ofMillis(1));
    }

    /** The most rule firings allowed for a batch of {@code companies}. */
    public long maxFirings(int companies) {
        return baseFirings + (long) firingsPerCompany * companies;
    }

    /** The longest a batch of {@code companies} may take. */
    public Duration maxTime(int companies) {
        return baseTime.plus(timePerCompany.multipliedBy(companies));
    }
}
