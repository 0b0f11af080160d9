package com.thesisscreener.security;

import java.util.Locale;

/**
 * What someone may do. Each role includes the ones below it: an ADMIN may do everything an ANALYST may, an
 * ANALYST everything a VIEWER may.
 */
public enum Role {
    /** Read portfolios, results, runs and rules; score companies over REST. */
    VIEWER,
    /** Upload portfolios, re-run them, validate and preview rule changes. */
    ANALYST,
    /** Reload rules, delete portfolios, manage users and API keys, read the audit log. */
    ADMIN;

    /** The Spring Security authority, {@code ROLE_VIEWER} etc. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role named (any case), or an {@link IllegalArgumentException} that lists the roles. */
    public static Role parse(String name) {
        if (name != null) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // fall through to the message that lists the roles
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a role; roles are VIEWER, ANALYST and ADMIN");
    }
}
