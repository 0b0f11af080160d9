package com.thesisscreener.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock policy against one real database shared by two "instances" (two throttles, two stores), with a clock
 * the test moves: what an attacker can do with wrong passwords and keys, and how long the victim waits.
 */
class SignInThrottleTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final SecuritySettings SETTINGS = new SecuritySettings(5, 20, 10, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private final MovableClock clock = new MovableClock();
    private SignInThrottle instanceA;
    private SignInThrottle instanceB;
    private JdbcClient jdbc;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:throttle-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(h2);
        instanceA = throttle(h2);
        instanceB = throttle(h2);
    }

    @Test
    void fiveWrongPasswordsOnOneInstanceLockTheAccountOnTheOtherEvenFromAnotherAddress() {
        for (int i = 0; i < 5; i++) instanceA.failed("Admin", "10.0.0.1");

        assertThatThrownBy(() -> instanceB.check("admin", "10.9.9.9"))
                .isInstanceOf(SignInLockedException.class)
                .hasMessageContaining("too many failed sign-ins for 'admin'")
                .hasMessageContaining("ask an ADMIN");
        assertThat(instanceB.locks()).extracting(SignInThrottle.Lock::kind, SignInThrottle.Lock::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("account", "admin"));
    }

    @Test
    void aVictimLockedOutOnPurposeWaitsOneMinuteFirstAndAtMostFifteenAfterRepeatedAttacks() {
        List<Duration> locks = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 5; i++) instanceA.failed("admin", "10.0.0." + round);
            Instant until = lockEnd("admin");
            locks.add(Duration.between(clock.instant(), until));
            clock.set(until.plusSeconds(1));
        }
        assertThat(locks).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(8),
                Duration.ofMinutes(15), Duration.ofMinutes(15));
        instanceB.check("admin", "10.0.0.99");
    }

    @Test
    void attemptsWhileLockedDoNotMakeTheLockLonger() {
        for (int i = 0; i < 5; i++) instanceA.failed("admin", "10.0.0.1");
        Instant first = lockEnd("admin");
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 50; i++) instanceB.failed("admin", "10.0.0.2");
        assertThat(lockEnd("admin")).isEqualTo(first);
    }

    @Test
    void aCorrectPasswordClearsTheCountAndTheBackOffStartsAgainAfterAQuietWindow() {
        for (int i = 0; i < 4; i++) instanceA.failed("vera", "10.0.0.1");
        assertThat(instanceB.check("vera", "10.0.0.1")).as("failures on record").isTrue();
        instanceB.succeeded("vera");
        assertThat(instanceA.check("vera", "10.0.0.1")).as("nothing left to clear").isFalse();
        instanceA.failed("vera", "10.0.0.1");
        instanceA.check("vera", "10.0.0.1");

        for (int i = 0; i < 4; i++) instanceA.failed("vera", "10.0.0.1");
        assertThat(Duration.between(clock.instant(), lockEnd("vera"))).isEqualTo(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(40));
        for (int i = 0; i < 5; i++) instanceA.failed("vera", "10.0.0.1");
        assertThat(Duration.between(clock.instant(), lockEnd("vera"))).as("a quiet window resets the back-off").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void oneAddressTryingOnePasswordOnManyAccountsIsLockedForEveryAccount() {
        for (int i = 0; i < 20; i++) instanceA.failed("user" + i, "10.6.6.6");

        assertThatThrownBy(() -> instanceB.check("admin", "10.6.6.6"))
                .isInstanceOf(SignInLockedException.class).hasMessageContaining("from this address");
        instanceB.check("admin", "10.0.0.7");
        assertThat(instanceB.unlockAddress("10.6.6.6")).isTrue();
        instanceA.check("admin", "10.6.6.6");
    }

    @Test
    void anAdminUnlockOnOneInstanceLetsTheUserInOnTheOther() {
        for (int i = 0; i < 5; i++) instanceA.failed("admin", "10.0.0.1");
        assertThat(instanceB.unlockAccount("ADMIN")).isTrue();
        instanceA.check("admin", "10.0.0.1");
        assertThat(instanceA.unlockAccount("admin")).as("nothing left to lift").isFalse();
    }

    @Test
    void wrongApiKeysFromOneAddressAreRefusedAfterTheLimitOnEveryInstance() {
        for (int i = 0; i < 9; i++) assertThat(instanceA.wrongApiKey("10.1.1.1")).isEmpty();
        assertThat(instanceB.wrongApiKey("10.1.1.1")).as("the tenth wrong key").isPresent();
        assertThat(instanceA.wrongApiKey("10.1.1.1").orElseThrow()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(instanceA.wrongApiKey("10.2.2.2")).as("another address").isEmpty();
        instanceA.check("admin", "10.1.1.1"); // passwords are a separate count
    }

    @Test
    void failuresCountedOnTwoInstancesAtOnceAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Object>> tries = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SignInThrottle instance = i % 2 == 0 ? instanceA : instanceB;
                tries.add(() -> {
                    instance.failed("carol", "10.3.3.3");
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(tries)) done.get();
        } finally {
            pool.shutdown();
        }
        int failures = jdbc.sql("select failures from sign_in_lock where lock_key = 'address:10.3.3.3'").query(Integer.class).single();
        int locks = jdbc.sql("select locks from sign_in_lock where lock_key = 'address:10.3.3.3'").query(Integer.class).single();
        assertThat(locks).as("20 failures lock the address once; the rest arrive while it is locked").isEqualTo(1);
        assertThat(failures).isZero();
    }

    @Test
    void longUsernamesAndOldEntriesDoNotGrowTheTableForever() {
        instanceA.failed("x".repeat(5000), "10.0.0.1");
        clock.advance(Duration.ofHours(2));
        instanceA.failed("someone", "10.0.0.2");
        List<String> keys = jdbc.sql("select lock_key from sign_in_lock").query(String.class).list();
        assertThat(keys).containsExactlyInAnyOrder("account:someone", "address:10.0.0.2");
    }

    private Instant lockEnd(String account) {
        return instanceA.locks().stream().filter(l -> l.subject().equals(account)).findFirst().orElseThrow().lockedUntil();
    }

    private SignInThrottle throttle(DataSource dataSource) {
        ThrottleStore store = new JdbcThrottleStore(JdbcClient.create(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        ObjectProvider<AuditLog> noAudit = new StaticListableBeanFactory().getBeanProvider(AuditLog.class);
        return new SignInThrottle(SETTINGS, store, clock, noAudit);
    }

    /** A clock the test moves forward; shared by both instances, as two servers share real time. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
