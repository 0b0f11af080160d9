package com.thesisscreener.web;

/** A request that cannot be served as sent; {@code field} names the offending field when there is one. */
public class InvalidRequestException extends RuntimeException {

    private final String field;

    public InvalidRequestException(String message, String field) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
