package com.thesisscreener.portfolio;

import com.thesisscreener.rules.PreviewPortfolios;
import com.thesisscreener.screening.Company;
import java.util.List;
import org.springframework.stereotype.Component;

/** Stored portfolios as the rules module's previews see them. */
@Component
class StoredPreviewPortfolios implements PreviewPortfolios {

    private final PortfolioService portfolios;

    StoredPreviewPortfolios(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @Override
    public Portfolio portfolio(long id) {
        return summary(portfolios.portfolio(id));
    }

    @Override
    public List<Portfolio> newest(int count) {
        return portfolios.portfolios(0, count).stream().map(StoredPreviewPortfolios::summary).toList();
    }

    @Override
    public List<Company> companies(long id) {
        return portfolios.companies(id);
    }

    private static Portfolio summary(StoredPortfolio stored) {
        return new Portfolio(stored.id(), stored.name());
    }
}
