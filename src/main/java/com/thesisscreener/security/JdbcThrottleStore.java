package com.thesisscreener.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locks in table {@code sign_in_lock}, so every instance on the database sees the same ones. A change reads
 * the row {@code for update} inside a transaction: two instances counting failures for the same subject at
 * once both count.
 */
final class JdbcThrottleStore implements ThrottleStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    JdbcThrottleStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Map<String, Entry> find(Collection<String> keys) {
        if (keys.isEmpty()) return Map.of();
        return jdbc.sql("select * from sign_in_lock where lock_key in (:keys)").param("keys", keys)
                .query(JdbcThrottleStore::entry).list().stream()
                .collect(Collectors.toMap(Entry::key, Function.identity()));
    }

    @Override
    public Entry update(String key, UnaryOperator<Entry> change) {
        try {
            return transactions.execute(status -> change(key, change));
        } catch (DuplicateKeyException raced) {
            // another instance inserted the first row for this key at the same moment: now it exists, lock it
            return transactions.execute(status -> change(key, change));
        }
    }

    private Entry change(String key, UnaryOperator<Entry> change) {
        Entry before = jdbc.sql("select * from sign_in_lock where lock_key = ? for update").param(key)
                .query(JdbcThrottleStore::entry).optional().orElse(null);
        Entry after = change.apply(before);
        if (before == null) {
            jdbc.sql("insert into sign_in_lock (lock_key, failures, window_start, locks, locked_until) values (?, ?, ?, ?, ?)")
                    .params(key, after.failures(), time(after.windowStart()), after.locks(), time(after.lockedUntil())).update();
        } else if (!after.equals(before)) {
            jdbc.sql("update sign_in_lock set failures = ?, window_start = ?, locks = ?, locked_until = ? where lock_key = ?")
                    .params(after.failures(), time(after.windowStart()), after.locks(), time(after.lockedUntil()), key).update();
        }
        return after;
    }

    @Override
    public void remove(String key) {
        jdbc.sql("delete from sign_in_lock where lock_key = ?").param(key).update();
    }

    @Override
    public List<Entry> locked(Instant now) {
        return jdbc.sql("select * from sign_in_lock where locked_until > ? order by locked_until desc").param(time(now))
                .query(JdbcThrottleStore::entry).list();
    }

    @Override
    public void forget(Instant horizon, Instant now) {
        jdbc.sql("delete from sign_in_lock where window_start < ? and (locked_until is null or locked_until < ?)")
                .params(time(horizon), time(now)).update();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getString("lock_key"), rs.getInt("failures"), rs.getTimestamp("window_start").toInstant(),
                rs.getInt("locks"), instant(rs.getTimestamp("locked_until")));
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
