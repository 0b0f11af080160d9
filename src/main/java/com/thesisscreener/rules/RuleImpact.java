package com.thesisscreener.rules;

import com.thesisscreener.screening.ResultChanges;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What a candidate rule set would change on stored portfolios: each is screened with the active set and with the
 * candidate ({@link RuleEditing#preview}), and the companies whose band, score or findings differ are listed. Used by
 * the preview endpoint and by rule proposals, so both show the same impact.
 */
@Service
public class RuleImpact {

    /** How many of the newest portfolios a preview screens when none is named. */
    public static final int PREVIEW_PORTFOLIOS = 20;

    private final ActiveRules rules;
    private final PreviewPortfolios portfolios;
    private final RuleEditing editing = new RuleEditing();

    RuleImpact(ActiveRules rules, PreviewPortfolios portfolios) {
        this.rules = rules;
        this.portfolios = portfolios;
    }

    public record Preview(String activeVersion, String candidateVersion, List<RuleError> warnings, List<PortfolioImpact> portfolios) {
    }

    public record PortfolioImpact(long portfolioId, String name, int companies, List<ResultChanges.Change> changes, int unchanged) {
    }

    /** The candidate's effect on one portfolio, or on the newest ones when {@code portfolioId} is null. */
    public Preview preview(RuleSet candidate, List<RuleError> warnings, Long portfolioId) {
        RuleSet active = rules.current();
        List<PreviewPortfolios.Portfolio> targets = portfolioId != null ? List.of(portfolios.portfolio(portfolioId))
                : portfolios.newest(PREVIEW_PORTFOLIOS);
        List<PortfolioImpact> impacts = new ArrayList<>();
        for (PreviewPortfolios.Portfolio portfolio : targets) {
            RuleEditing.Impact impact = editing.preview(active, candidate, portfolios.companies(portfolio.id()));
            impacts.add(new PortfolioImpact(portfolio.id(), portfolio.name(), impact.companies(), impact.resultChanges(), impact.unchanged()));
        }
        return new Preview(active.version(), candidate.version(), warnings, impacts);
    }
}
