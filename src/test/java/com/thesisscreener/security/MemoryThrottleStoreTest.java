package com.thesisscreener.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Sign-in locks without a database: kept in a bounded in-memory cache that forgets by itself. */
class MemoryThrottleStoreTest {

    private static final SecuritySettings SETTINGS = new SecuritySettings(5, 20, 10, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private final SignInThrottleTest.MovableClock clock = new SignInThrottleTest.MovableClock();
    private final MemoryThrottleStore store = new MemoryThrottleStore(SignInThrottle.keptFor(SETTINGS), clock);
    private final ObjectProvider<AuditLog> noAudit = new StaticListableBeanFactory().getBeanProvider(AuditLog.class);
    private final SignInThrottle throttle = new SignInThrottle(SETTINGS, store, clock, noAudit);

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockEnds() {
        for (int i = 0; i < 5; i++) throttle.failed("ann", "10.0.0.1");

        assertThatThrownBy(() -> throttle.check("ann", "10.0.0.2")).isInstanceOf(SignInLockedException.class);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.check("ann", "10.0.0.2")).isTrue();
    }

    @Test
    void aLockOutlivesTheQuietTimeAndIsForgottenOnlyOnceItIsLongOver() {
        for (int i = 0; i < 5; i++) throttle.failed("ann", "10.0.0.1");
        clock.advance(Duration.ofMinutes(14));
        assertThat(store.find(List.of("account:ann"))).containsKey("account:ann");

        clock.advance(SignInThrottle.keptFor(SETTINGS));
        assertThat(store.find(List.of("account:ann", "address:10.0.0.1"))).isEmpty();
        assertThat(throttle.check("ann", "10.0.0.1")).isFalse();
    }

    @Test
    void aSprayOfMadeUpAddressesIsBoundedInsteadOfGrowingMemory() {
        MemoryThrottleStore small = new MemoryThrottleStore(SignInThrottle.keptFor(SETTINGS), 100, clock);
        List<String> keys = IntStream.range(0, 1_000).mapToObj(i -> "address:10.1." + i / 256 + "." + i % 256).toList();
        keys.forEach(key -> small.update(key, before -> new ThrottleStore.Entry(key, 1, clock.instant(), 0, null)));
        small.forget(clock.instant(), clock.instant());

        assertThat(small.find(keys).size()).isLessThanOrEqualTo(100);
    }
}
