package com.thesisscreener.rules;

import com.thesisscreener.screening.Company;
import java.util.List;

/**
 * The stored portfolios a rule preview screens. The portfolio module provides them, so the rules module can show
 * an edit's impact without knowing how portfolios are stored (and without depending on that module).
 */
public interface PreviewPortfolios {

    record Portfolio(long id, String name) {
    }

    /** The portfolio with this id; a not-found error when there is none. */
    Portfolio portfolio(long id);

    /** Up to {@code count} portfolios, newest first. */
    List<Portfolio> newest(int count);

    /** The companies of a portfolio, in its rows' order. */
    List<Company> companies(long id);
}
