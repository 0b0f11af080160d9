package com.thesisscreener.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys for REST clients, sent as {@code X-API-Key}. A key is 32 random bytes; only its SHA-256 hash and a
 * short prefix (to recognise it in a list) are stored, so the key itself is shown once, when it is created.
 * A key has its own role and can be revoked by an ADMIN.
 * <p>
 * A key that authenticated is remembered by its hash for {@link #REMEMBERED_FOR}, so a client's requests do not each
 * look it up in the database. Revoking a key forgets every remembered key on this instance once the revocation is
 * committed, so it stops there at once; another instance on the same database stops accepting it within
 * {@link #REMEMBERED_FOR}. Wrong keys are never remembered (they go to the throttle every time).
 */
@Service
public class ApiKeys {

    public static final String HEADER = "X-API-Key";
    static final String KEY_START = "tsk_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();
    private final Cache<String, ApiKey> remembered = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(REMEMBERED_FOR).build();
    /** Counts revocations, so a key read from the database while one committed is not remembered past it. */
    private final AtomicLong revocations = new AtomicLong();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A key as listed: never the key itself. */
    public record ApiKey(long id, String name, String prefix, Role role, String createdBy, Instant createdAt, Instant lastUsedAt,
                         Instant revokedAt, String revokedBy) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A key just created, with the secret to hand over; it cannot be read again. */
    public record Created(ApiKey key, String secret) {
    }

    @Transactional
    public Created create(String name, Role role, String createdBy) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) throw new AccountException("a key needs a name of 1 to 100 characters", "name");
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_START + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into api_key (name, key_prefix, key_hash, role, created_by, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(label, secret.substring(0, 10), hash(secret), role.name(), createdBy, now)
                .update();
        ApiKey key = jdbc.sql("select * from api_key where key_hash = ?").param(hash(secret)).query(ApiKeys::key).single();
        return new Created(key, secret);
    }

    public List<ApiKey> list() {
        return jdbc.sql("select * from api_key order by revoked_at nulls first, created_at desc, id desc").query(ApiKeys::key).list();
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql("select * from api_key where id = ?").param(id).query(ApiKeys::key).optional();
    }

    @Transactional
    public ApiKey revoke(long id, String revokedBy) {
        ApiKey key = find(id).orElseThrow(() -> new AccountNotFoundException("no API key with id " + id));
        if (key.active()) {
            jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), revokedBy, id).update();
            forgetRememberedKeys();
        }
        return find(id).orElseThrow();
    }

    /**
     * The active key with this secret, if any; notes when it was last used (to the minute, checked whenever the key is
     * read from the database, at least every {@link #REMEMBERED_FOR} while it is in use).
     */
    public Optional<ApiKey> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_START) || secret.length() > 100) return Optional.empty();
        String hash = hash(secret.strip());
        ApiKey known = remembered.getIfPresent(hash);
        if (known != null) return Optional.of(known);
        long revoked = revocations.get();
        Optional<ApiKey> key = jdbc.sql("select * from api_key where key_hash = ? and revoked_at is null")
                .param(hash).query(ApiKeys::key).optional();
        key.ifPresent(k -> {
            noteUse(k);
            remember(hash, k, revoked);
        });
        return key;
    }

    /** Remembers a key unless a revocation happened since it was read (checked after the put: no gap in between). */
    private void remember(String hash, ApiKey key, long revocationsWhenRead) {
        remembered.put(hash, key);
        if (revocations.get() != revocationsWhenRead) remembered.invalidate(hash);
    }

    private void noteUse(ApiKey key) {
        Instant now = clock.instant();
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            jdbc.sql("update api_key set last_used_at = ? where id = ?").params(Timestamp.from(now), key.id()).update();
        }
    }

    /**
     * Forgets the remembered keys now and again after the revoking transaction commits: a request that read the key
     * before the commit does not keep it remembered (the count goes up before the cache is emptied).
     */
    private void forgetRememberedKeys() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forgetAll();
                }
            });
        }
    }

    private void forgetAll() {
        revocations.incrementAndGet();
        remembered.invalidateAll();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static ApiKey key(ResultSet rs, int row) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("key_prefix"), Role.valueOf(rs.getString("role")),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
