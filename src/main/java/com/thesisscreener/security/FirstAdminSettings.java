package com.thesisscreener.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administrator created on the first start, when no user exists yet, {@code screener.admin.*}.
 *
 * @param username its name
 * @param password its password (for example from {@code SCREENER_ADMIN_PASSWORD}); when empty a random one-time
 *                 password is generated, printed once to the log and must be changed at the first sign-in
 */
@ConfigurationProperties("screener.admin")
public record FirstAdminSettings(@DefaultValue("admin") String username, String password) {
}
