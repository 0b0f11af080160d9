package com.thesisscreener.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings, {@code screener.security.*}. A lock starts short and doubles each time it is earned again,
 * so an attacker who guesses gets slowed down quickly while a victim locked out by someone else waits minutes,
 * not hours (and an ADMIN can lift it at once).
 *
 * @param maxFailedSignIns           wrong passwords for one username (from any address) before it is locked
 * @param maxFailedSignInsPerAddress wrong passwords from one address (for any usernames) before it is locked
 * @param maxWrongApiKeys            wrong API keys from one address before its wrong keys get 429
 * @param firstLock                  how long the first lock lasts; each further lock doubles it
 * @param lockFor                    the longest a lock lasts
 * @param failureWindow              failures older than this are forgotten
 */
@ConfigurationProperties("screener.security")
public record SecuritySettings(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("20") int maxFailedSignInsPerAddress,
        @DefaultValue("20") int maxWrongApiKeys,
        @DefaultValue("1m") Duration firstLock,
        @DefaultValue("15m") Duration lockFor,
        @DefaultValue("15m") Duration failureWindow) {

    /** How long the lock after {@code earlier} locks in a row lasts: first-lock, doubled each time, at most lock-for. */
    Duration backOff(int earlier) {
        Duration lock = firstLock;
        for (int i = 0; i < earlier && lock.compareTo(lockFor) < 0; i++) lock = lock.multipliedBy(2);
        return lock.compareTo(lockFor) > 0 ? lockFor : lock;
    }
}
