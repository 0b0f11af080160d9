package com.thesisscreener.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Locks in this process only: for a context without a database (web slices); the service always has one. */
final class MemoryThrottleStore implements ThrottleStore {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Map<String, Entry> find(Collection<String> keys) {
        return keys.stream().filter(entries::containsKey).collect(Collectors.toMap(k -> k, entries::get, (a, b) -> a));
    }

    @Override
    public Entry update(String key, UnaryOperator<Entry> change) {
        return entries.compute(key, (k, before) -> change.apply(before));
    }

    @Override
    public void remove(String key) {
        entries.remove(key);
    }

    @Override
    public List<Entry> locked(Instant now) {
        return entries.values().stream().filter(e -> e.lockedAt(now)).sorted(Comparator.comparing(Entry::lockedUntil).reversed()).toList();
    }

    @Override
    public void forget(Instant horizon, Instant now) {
        entries.values().removeIf(e -> e.windowStart().isBefore(horizon) && !e.lockedAt(now));
    }
}
