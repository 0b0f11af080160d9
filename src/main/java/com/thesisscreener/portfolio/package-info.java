/**
 * Stored portfolios: their rows, positions, import problems, screening runs and results, and comparing two runs.
 * Publishes {@link com.thesisscreener.portfolio.PortfolioUploaded}, {@link
 * com.thesisscreener.portfolio.PortfolioRescreened} and {@link com.thesisscreener.portfolio.PortfolioDeleted}.
 */
@ApplicationModule(displayName = "Portfolios", allowedDependencies = {"screening", "importing", "report", "rules", "web"})
package com.thesisscreener.portfolio;

import org.springframework.modulith.ApplicationModule;
