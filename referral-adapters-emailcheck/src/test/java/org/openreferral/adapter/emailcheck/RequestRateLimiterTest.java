package org.openreferral.adapter.emailcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private long now = 5_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();
    private final RequestRateLimiter limiter = new RequestRateLimiter(3, () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos;
    });

    @Test
    void requestsUpToTheLimitGoAtOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(Duration.ZERO)).isTrue();
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void requestBeyondTheLimitIsTurnedAwayWhenItCannotWait() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Duration.ZERO);
        }

        assertThat(limiter.acquire(Duration.ofMillis(500))).isFalse();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void requestBeyondTheLimitWaitsForTheWindowToMoveOn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(Duration.ZERO);
        }
        now += Duration.ofMillis(400).toNanos();

        assertThat(limiter.acquire(Duration.ofSeconds(1))).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofMillis(600).toNanos());
    }

    @Test
    void noWindowOfOneSecondHoldsMoreThanTheLimit() {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire(Duration.ofSeconds(5))).isTrue();
            starts.add(now);
            now += Duration.ofMillis(50).toNanos();
        }
        for (int i = 3; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 3)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }

    @Test
    void pauseHoldsBackEveryRequest() {
        limiter.pause(Duration.ofSeconds(1));

        assertThat(limiter.acquire(Duration.ofMillis(500))).isFalse();
        now += Duration.ofSeconds(1).toNanos();
        assertThat(limiter.acquire(Duration.ZERO)).isTrue();
    }
}
