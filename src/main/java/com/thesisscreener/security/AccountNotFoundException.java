package com.thesisscreener.security;

/** No user or API key by that name or id. */
public class AccountNotFoundException extends RuntimeException {

    public AccountNotFoundException(String message) {
        super(message);
    }
}
