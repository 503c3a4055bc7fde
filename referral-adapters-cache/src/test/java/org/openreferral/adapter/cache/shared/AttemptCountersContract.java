package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;

/** What every {@link AttemptCounters} must do; run against the in-process and the Redis implementation. */
abstract class AttemptCountersContract {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);

    protected abstract AttemptCounters counters();

    static String someKey() {
        return "login-attempts:login:someone-" + UUID.randomUUID();
    }

    @Test
    void theFirstAttemptOpensAWindowOfTheGivenLength() {
        assertThat(counters().increment(someKey(), WINDOW, NOW)).isEqualTo(new Window(1, NOW.plus(WINDOW)));
    }

    @Test
    void attemptsWithinTheWindowAddUpAndKeepItsEnd() {
        String key = someKey();
        counters().increment(key, WINDOW, NOW);
        counters().increment(key, WINDOW, NOW.plusSeconds(60));

        assertThat(counters().increment(key, WINDOW, NOW.plus(WINDOW).minusMillis(1)))
                .isEqualTo(new Window(3, NOW.plus(WINDOW)));
    }

    @Test
    void anAttemptAfterTheWindowOpensAFreshOne() {
        String key = someKey();
        counters().increment(key, WINDOW, NOW);
        counters().increment(key, WINDOW, NOW);

        Instant later = NOW.plus(WINDOW);
        assertThat(counters().increment(key, WINDOW, later)).isEqualTo(new Window(1, later.plus(WINDOW)));
    }

    @Test
    void anAttemptBeforeTheWindowOpensAFreshOneSoThatAClockSetBackNeverSticks() {
        String key = someKey();
        counters().increment(key, WINDOW, NOW.plus(Duration.ofDays(2)));

        assertThat(counters().increment(key, WINDOW, NOW)).isEqualTo(new Window(1, NOW.plus(WINDOW)));
    }

    @Test
    void concurrentAttemptsAreEachCountedOnce() throws Exception {
        String key = someKey();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                attempts.add(() -> counters().increment(key, WINDOW, NOW).count());
            }
            List<Long> counts = new ArrayList<>();
            for (Future<Long> count : pool.invokeAll(attempts)) {
                counts.add(count.get());
            }
            assertThat(counts).doesNotHaveDuplicates().hasSize(40);
            assertThat(counters().increment(key, WINDOW, NOW).count()).isEqualTo(41);
        } finally {
            pool.shutdownNow();
        }
    }
}
