package com.thesisscreener.portfolio;

/** A portfolio file was stored and its first run screened. */
public record PortfolioUploaded(long portfolioId, String name, String fileName, int companies, long runId, String ruleSetVersion) {
}
