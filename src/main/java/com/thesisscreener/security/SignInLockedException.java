package com.thesisscreener.security;

import java.time.Duration;
import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused because the username or the address is locked; says until when (for Retry-After). */
public class SignInLockedException extends LockedException {

    private final Instant until;

    SignInLockedException(String message, Instant until) {
        super(message);
        this.until = until;
    }

    public Instant until() {
        return until;
    }

    /** Whole seconds from {@code now} until the lock ends, at least 1. */
    public long retryAfterSeconds(Instant now) {
        return Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
    }
}
