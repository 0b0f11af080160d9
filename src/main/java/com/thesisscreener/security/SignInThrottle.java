package com.thesisscreener.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password and API key guessing, with the counts kept in the database so every instance sees
 * the same locks:
 * <ul>
 * <li>a username with {@code max-failed-sign-ins} wrong passwords (from any address) is locked;</li>
 * <li>an address with {@code max-failed-sign-ins-per-address} wrong passwords (for any usernames) is locked, which
 * stops one client from trying one password on every account;</li>
 * <li>an address with {@code max-wrong-api-keys} wrong API keys gets 429 for its wrong keys (valid keys still
 * work: behind a proxy every client shares one address, and keys are far too long to guess).</li>
 * </ul>
 * A lock lasts {@code first-lock} and doubles each time it is earned again, up to {@code lock-for}; so someone who
 * locks a colleague out on purpose keeps them out for minutes, must keep at it, and an ADMIN can lift the lock.
 * A correct password clears its username's count. Nothing is written on a successful request.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Duration FORGET_EVERY = Duration.ofMinutes(5);
    static final String ACCOUNT = "account:";
    static final String ADDRESS = "address:";
    static final String API_KEY = "api-key:";

    private final SecuritySettings settings;
    private final ThrottleStore store;
    private final Clock clock;
    private final ObjectProvider<AuditLog> audit;
    private final AtomicReference<Instant> lastForget = new AtomicReference<>(Instant.EPOCH);

    @Autowired
    SignInThrottle(SecuritySettings settings, ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactions,
                   ObjectProvider<AuditLog> audit) {
        this(settings, store(settings, jdbc.getIfAvailable(), transactions.getIfAvailable()), Clock.systemUTC(), audit);
    }

    SignInThrottle(SecuritySettings settings, ThrottleStore store, Clock clock, ObjectProvider<AuditLog> audit) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.audit = audit;
    }

    private static ThrottleStore store(SecuritySettings settings, JdbcClient jdbc, PlatformTransactionManager transactions) {
        if (jdbc == null || transactions == null) {
            log.info("No database: sign-in locks are kept in memory, for this instance only");
            return new MemoryThrottleStore(keptFor(settings), Clock.systemUTC());
        }
        return new JdbcThrottleStore(jdbc, new TransactionTemplate(transactions));
    }

    /** A current lock, as an ADMIN sees it. */
    public record Lock(String kind, String subject, Instant lockedUntil, int locksInARow) {
    }

    /**
     * Throws {@link SignInLockedException} when this username or this address is locked; otherwise says whether
     * the username has failures on record (so that a success only writes when there is something to clear).
     */
    public boolean check(String username, String address) {
        String account = ACCOUNT + name(username);
        Map<String, ThrottleStore.Entry> found = store.find(List.of(account, ADDRESS + address(address)));
        Instant now = clock.instant();
        ThrottleStore.Entry byAccount = found.get(account);
        if (byAccount != null && byAccount.lockedAt(now)) {
            throw new SignInLockedException("too many failed sign-ins for '" + name(username) + "'; try again after "
                    + TIME.format(byAccount.lockedUntil()) + " or ask an ADMIN to unlock it", byAccount.lockedUntil());
        }
        ThrottleStore.Entry byAddress = found.get(ADDRESS + address(address));
        if (byAddress != null && byAddress.lockedAt(now)) {
            throw new SignInLockedException("too many failed sign-ins from this address; try again after "
                    + TIME.format(byAddress.lockedUntil()), byAddress.lockedUntil());
        }
        return byAccount != null;
    }

    public void failed(String username, String address) {
        forgetOldNow();
        count(ACCOUNT + name(username), settings.maxFailedSignIns(), "sign-in for '" + name(username) + "'", address);
        count(ADDRESS + address(address), settings.maxFailedSignInsPerAddress(), "password sign-in from " + address(address), address);
    }

    public void succeeded(String username) {
        store.remove(ACCOUNT + name(username));
    }

    /** Counts a wrong API key from this address; the end of the address's lock when wrong keys from it are refused. */
    public Optional<Instant> wrongApiKey(String address) {
        forgetOldNow();
        ThrottleStore.Entry entry = count(API_KEY + address(address), settings.maxWrongApiKeys(), "API keys from " + address(address), address);
        return entry.lockedAt(clock.instant()) ? Optional.of(entry.lockedUntil()) : Optional.empty();
    }

    /** Lifts the lock on a username and forgets its failures; true if it was locked. */
    public boolean unlockAccount(String username) {
        String key = ACCOUNT + name(username);
        boolean locked = store.find(List.of(key)).values().stream().anyMatch(e -> e.lockedAt(clock.instant()));
        store.remove(key);
        return locked;
    }

    /** Lifts the password and API key locks on an address; true if either was locked. */
    public boolean unlockAddress(String address) {
        List<String> keys = List.of(ADDRESS + address(address), API_KEY + address(address));
        boolean locked = store.find(keys).values().stream().anyMatch(e -> e.lockedAt(clock.instant()));
        keys.forEach(store::remove);
        return locked;
    }

    /** Every username and address locked now, the longest lock first. */
    public List<Lock> locks() {
        return store.locked(clock.instant()).stream().map(SignInThrottle::lock).toList();
    }

    /** Wraps a provider so that every password check (form and HTTP Basic) goes through the throttle. */
    AuthenticationProvider guarding(AuthenticationProvider delegate) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) throws AuthenticationException {
                String username = authentication.getName();
                String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
                boolean failuresOnRecord = check(username, address);
                try {
                    Authentication result = delegate.authenticate(authentication);
                    if (failuresOnRecord) succeeded(username);
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

    private ThrottleStore.Entry count(String key, int limit, String what, String address) {
        Instant now = clock.instant();
        AtomicBoolean lockStarted = new AtomicBoolean();
        ThrottleStore.Entry after = store.update(key, before -> {
            ThrottleStore.Entry next = afterFailure(key, before, limit, now);
            lockStarted.set(next.lockedAt(now) && (before == null || !before.lockedAt(now)));
            return next;
        });
        if (lockStarted.get()) {
            String event = what + " locked until " + TIME.format(after.lockedUntil()) + " after " + limit + " failures (lock "
                    + after.locks() + " in a row; last from " + address(address) + ")";
            log.warn("{}", event);
            AuditLog auditLog = audit.getIfAvailable();
            if (auditLog != null) auditLog.record("sign-in.lock", event);
        }
        return after;
    }

    /** One more failure: locks when it reaches the limit, each lock in a row twice as long as the one before. */
    ThrottleStore.Entry afterFailure(String key, ThrottleStore.Entry before, int limit, Instant now) {
        if (before == null) before = new ThrottleStore.Entry(key, 0, now, 0, null);
        if (before.lockedAt(now)) return before; // attempts refused by a lock do not count
        ThrottleStore.Entry current = before;
        if (before.windowStart().isBefore(now.minus(settings.failureWindow()))) {
            // a quiet window since the last lock ended: the back-off starts again from first-lock
            boolean quiet = before.lockedUntil() == null || before.lockedUntil().isBefore(now.minus(settings.failureWindow()));
            current = new ThrottleStore.Entry(key, 0, now, quiet ? 0 : before.locks(), before.lockedUntil());
        }
        int failures = current.failures() + 1;
        if (failures < limit) return new ThrottleStore.Entry(key, failures, current.windowStart(), current.locks(), current.lockedUntil());
        return new ThrottleStore.Entry(key, 0, now, current.locks() + 1, now.plus(settings.backOff(current.locks())));
    }

    private void forgetOldNow() {
        Instant now = clock.instant();
        Instant last = lastForget.get();
        if (last.plus(FORGET_EVERY).isAfter(now) || !lastForget.compareAndSet(last, now)) return;
        store.forget(now.minus(keptFor(settings)), now);
    }

    /** How long an entry is kept after its window started: twice a window and a lock, so no lock is forgotten. */
    static Duration keptFor(SecuritySettings settings) {
        return settings.failureWindow().plus(settings.lockFor()).multipliedBy(2);
    }

    private static Lock lock(ThrottleStore.Entry e) {
        int colon = e.key().indexOf(':');
        return new Lock(e.key().substring(0, colon), e.key().substring(colon + 1), e.lockedUntil(), e.locks());
    }

    private static String name(String username) {
        String name = UserAccounts.normalise(username);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String address(String address) {
        String a = address == null ? "unknown" : address;
        return a.length() > 64 ? a.substring(0, 64) : a;
    }
}
