package com.thesisscreener.portfolio;

/** A portfolio was deleted with its rows, positions and runs. */
public record PortfolioDeleted(long portfolioId, String name, String fileName) {
}
