package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

class InMemoryAttemptCountersTest extends AttemptCountersContract {

    private final InMemoryAttemptCounters counters = new InMemoryAttemptCounters(100);

    @Override
    protected AttemptCounters counters() {
        return counters;
    }

    @Test
    void closedWindowsAreSweptAndAFloodOfKeysCannotGrowWithoutBound() {
        for (int i = 0; i < 100; i++) {
            counters.increment("closed-" + i, WINDOW, NOW);
        }
        // Full: the next attempt sweeps the closed windows first.
        counters.increment("open", WINDOW, NOW.plus(WINDOW));
        assertThat(counters.size()).isEqualTo(1);

        for (int i = 0; i < 500; i++) {
            counters.increment("flood-" + i, WINDOW, NOW.plus(WINDOW));
        }
        assertThat(counters.size()).isLessThan(100);
    }
}
