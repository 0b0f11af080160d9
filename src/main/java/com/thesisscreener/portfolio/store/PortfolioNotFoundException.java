package com.thesisscreener.portfolio.store;

/** No portfolio (or run of it) has the id a caller asked for. */
public class PortfolioNotFoundException extends RuntimeException {

    public PortfolioNotFoundException(String message) {
        super(message);
    }
}
