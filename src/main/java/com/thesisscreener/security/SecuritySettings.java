package com.thesisscreener.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings, {@code screener.security.*}.
 *
 * @param maxFailedSignIns failed sign-ins for one username from one address before it is locked
 * @param lockFor          how long such a lock lasts
 * @param failureWindow    failures older than this are forgotten
 */
@ConfigurationProperties("screener.security")
public record SecuritySettings(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("15m") Duration failureWindow) {
}
