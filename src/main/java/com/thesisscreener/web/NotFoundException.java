package com.thesisscreener.web;

/** What a request names does not exist (a portfolio, a run, an upload job, a rule-set version): a 404 everywhere. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
