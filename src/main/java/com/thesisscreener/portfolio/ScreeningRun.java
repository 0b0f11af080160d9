package com.thesisscreener.portfolio;

import java.time.Instant;

/** One screening of a portfolio's stored rows with the rule set of that moment. */
public record ScreeningRun(long id, long portfolioId, String ruleSetVersion, int companies, Instant createdAt) {
}
