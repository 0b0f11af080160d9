package com.thesisscreener.portfolio;

import com.thesisscreener.web.NotFoundException;

/** No portfolio (or run of it) has the id a caller asked for. */
public class PortfolioNotFoundException extends NotFoundException {

    public PortfolioNotFoundException(String message) {
        super(message);
    }
}
