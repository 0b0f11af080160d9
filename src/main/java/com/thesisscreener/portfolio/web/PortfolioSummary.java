package com.thesisscreener.portfolio.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thesisscreener.importing.PositionFigures;
import com.thesisscreener.portfolio.ScreeningRun;
import com.thesisscreener.portfolio.StoredPortfolio;
import com.thesisscreener.screening.Band;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a client sees of a stored portfolio: its import, its latest run and the links to follow. */
record PortfolioSummary(long id, String name, String fileName, String sheet, Instant createdAt, int rowsRead, int screened,
                        int rejected, List<String> ignoredColumns, Run latestRun, Map<String, String> links,
                        @JsonInclude(JsonInclude.Include.NON_NULL) PositionFigures positions) {

    record Run(long id, String ruleSetVersion, Instant createdAt, int companies, Map<Band, Integer> bands) {

        static Run of(ScreeningRun run, Map<Band, Integer> bands) {
            return new Run(run.id(), run.ruleSetVersion(), run.createdAt(), run.companies(), bands);
        }
    }

    static PortfolioSummary of(StoredPortfolio p, Run latestRun) {
        return of(p, latestRun, null);
    }

    /** With the book's figures for the latest run (null for a portfolio without positions). */
    static PortfolioSummary of(StoredPortfolio p, Run latestRun, PositionFigures positions) {
        String self = "/api/v1/portfolios/" + p.id();
        return new PortfolioSummary(p.id(), p.name(), p.fileName(), p.sheet(), p.createdAt(), p.rowsRead(),
                p.rowsRead() - p.rowsRejected(), p.rowsRejected(), p.ignoredColumns(), latestRun,
                Map.of("self", self, "results", self + "/results", "problems", self + "/problems", "runs", self + "/runs",
                        "report", self + "/report.xlsx"), positions);
    }
}
