package com.thesisscreener.security;

import com.thesisscreener.portfolio.PortfolioDeleted;
import com.thesisscreener.portfolio.PortfolioRescreened;
import com.thesisscreener.portfolio.PortfolioUploaded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Uploads, runs and deletions of portfolios in the audit log, whoever made them (REST, web pages, the sample
 * loader). Recorded after the portfolio's transaction committed, so only what really happened is logged.
 */
@Component
class PortfolioAudit {

    private final AuditLog audit;

    PortfolioAudit(AuditLog audit) {
        this.audit = audit;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void uploaded(PortfolioUploaded event) {
        audit.record("portfolio.upload", describe(event.portfolioId(), event.name(), event.fileName()) + ", " + event.companies()
                + " companies screened, run " + event.runId() + " with rule set " + event.ruleSetVersion());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void rescreened(PortfolioRescreened event) {
        audit.record("portfolio.run", "portfolio " + event.portfolioId() + ": run " + event.runId() + " of " + event.companies()
                + " companies with rule set " + event.ruleSetVersion());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void deleted(PortfolioDeleted event) {
        audit.record("portfolio.delete", describe(event.portfolioId(), event.name(), event.fileName()));
    }

    private static String describe(long id, String name, String fileName) {
        return "portfolio " + id + " '" + name + "' (" + fileName + ")";
    }
}
