package com.thesisscreener.portfolio;

/** A stored portfolio was screened again with the rules active then; a new run was stored. */
public record PortfolioRescreened(long portfolioId, long runId, int companies, String ruleSetVersion) {
}
