package com.thesisscreener.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Locks in this process only: for a context without a database (web slices); the service always has one. A bounded
 * cache: an entry goes {@code keepFor} after its last change (longer than any lock, so a lock is never dropped early),
 * and a spray of made-up names or addresses evicts the least used entries instead of growing memory.
 */
final class MemoryThrottleStore implements ThrottleStore {

    /** Subjects remembered at most; far more than the accounts and addresses of a real workspace. */
    static final long MAX_SUBJECTS = 100_000;

    private final Cache<String, Entry> entries;

    MemoryThrottleStore(Duration keepFor, Clock clock) {
        this(keepFor, MAX_SUBJECTS, clock);
    }

    /** {@code keepFor} must exceed the longest lock; {@code clock} is the throttle's, so tests that move it move expiry too. */
    MemoryThrottleStore(Duration keepFor, long maxSubjects, Clock clock) {
        entries = Caffeine.newBuilder()
                .maximumSize(maxSubjects)
                .expireAfterWrite(keepFor)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Map<String, Entry> find(Collection<String> keys) {
        return entries.getAllPresent(keys);
    }

    @Override
    public Entry update(String key, UnaryOperator<Entry> change) {
        return entries.asMap().compute(key, (k, before) -> change.apply(before));
    }

    @Override
    public void remove(String key) {
        entries.invalidate(key);
    }

    @Override
    public List<Entry> locked(Instant now) {
        return entries.asMap().values().stream().filter(e -> e.lockedAt(now)).sorted(Comparator.comparing(Entry::lockedUntil).reversed()).toList();
    }

    /** Expiry already forgets old entries; this only runs the cache's pending clean-up now. */
    @Override
    public void forget(Instant horizon, Instant now) {
        entries.cleanUp();
    }
}
