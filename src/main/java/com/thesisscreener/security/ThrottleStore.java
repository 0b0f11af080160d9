package com.thesisscreener.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Where failure counts and locks live: the database (shared by every instance) or, without one, memory. */
interface ThrottleStore {

    /**
     * One throttled subject.
     *
     * @param key          {@code account:NAME}, {@code address:IP} or {@code api-key:IP}
     * @param failures     failures since {@code windowStart}
     * @param locks        locks earned in a row; the next one lasts longer
     * @param lockedUntil  the end of the current or last lock, null if never locked
     */
    record Entry(String key, int failures, Instant windowStart, int locks, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** The entries that exist for these keys. */
    Map<String, Entry> find(Collection<String> keys);

    /** Replaces the entry for {@code key} (null when there is none) by {@code change}, atomically across instances. */
    Entry update(String key, UnaryOperator<Entry> change);

    void remove(String key);

    /** Entries locked at {@code now}. */
    List<Entry> locked(Instant now);

    /** Drops entries whose window started before {@code horizon} and that are not locked at {@code now}. */
    void forget(Instant horizon, Instant now);
}
