package com.thesisscreener.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code screener.security.max-failed-sign-ins} wrong passwords for one
 * username from one address within the failure window, that pair is locked for {@code lock-for}. A lock is
 * kept in memory; a restart forgets it (and a sign-in that succeeds clears the count).
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_TRACKED = 100_000;

    private final SecuritySettings settings;
    private final Clock clock;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    SignInThrottle(SecuritySettings settings) {
        this(settings, Clock.systemUTC());
    }

    SignInThrottle(SecuritySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    private record Attempts(int failures, Instant firstFailure, Instant lockedUntil) {
    }

    /** Throws {@link LockedException} when this username and address are locked. */
    public void check(String username, String address) {
        Attempts a = attempts.get(key(username, address));
        if (a != null && a.lockedUntil() != null && a.lockedUntil().isAfter(clock.instant())) {
            throw new LockedException("too many failed sign-ins for '" + UserAccounts.normalise(username)
                    + "' from this address; try again after " + TIME.format(a.lockedUntil()));
        }
    }

    public void failed(String username, String address) {
        if (attempts.size() > MAX_TRACKED) forgetOld();
        Instant now = clock.instant();
        Attempts after = attempts.compute(key(username, address), (k, a) -> {
            if (a == null || a.firstFailure().isBefore(now.minus(settings.failureWindow()))
                    || (a.lockedUntil() != null && !a.lockedUntil().isAfter(now))) {
                a = new Attempts(0, now, null);
            }
            int failures = a.failures() + 1;
            Instant lock = failures >= settings.maxFailedSignIns() ? now.plus(settings.lockFor()) : null;
            return new Attempts(failures, a.firstFailure(), lock);
        });
        if (after.lockedUntil() != null && after.failures() == settings.maxFailedSignIns()) {
            log.warn("Sign-in for '{}' from {} locked until {} after {} failures", UserAccounts.normalise(username), address,
                    after.lockedUntil(), after.failures());
        }
    }

    public void succeeded(String username, String address) {
        attempts.remove(key(username, address));
    }

    /** Wraps a provider so that every password check (form and HTTP Basic) goes through the throttle. */
    AuthenticationProvider guarding(AuthenticationProvider delegate) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String username = authentication.getName();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
                check(username, address);
                try {
                    Authentication result = delegate.authenticate(authentication);
                    succeeded(username, address);
                    return result;
                } catch (BadCredentialsException e) {
                    failed(username, address);
                    throw e;
                }
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return delegate.supports(authentication);
            }
        };
    }

    private void forgetOld() {
        Instant horizon = clock.instant().minus(settings.failureWindow().plus(settings.lockFor()).plus(Duration.ofMinutes(1)));
        attempts.values().removeIf(a -> a.firstFailure().isBefore(horizon) && (a.lockedUntil() == null || a.lockedUntil().isBefore(clock.instant())));
    }

    private static String key(String username, String address) {
        return UserAccounts.normalise(username) + "|" + address;
    }
}
