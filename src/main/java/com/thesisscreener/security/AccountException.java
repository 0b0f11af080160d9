package com.thesisscreener.security;

/** A user or API key request that cannot be carried out as asked; {@code field} names the input at fault. */
public class AccountException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public AccountException(String message, String field) {
        this(message, field, false);
    }

    public AccountException(String message, String field, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** True when the request clashes with what exists (409) rather than being malformed (400). */
    public boolean conflict() {
        return conflict;
    }
}
