package org.openreferral.adapter.cache.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LookupLifetimesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final LookupLifetimes lifetimes = new LookupLifetimes(Duration.ofMinutes(10));

    @Test
    void anEntryLivesTheLookupTtlAtMost() {
        assertThat(lifetimes.entry(NOW, NOW.plus(Duration.ofDays(30)))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anEntryNeverOutlivesItsCode() {
        assertThat(lifetimes.entry(NOW, NOW.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(lifetimes.entry(NOW, NOW)).isZero();
        assertThat(lifetimes.entry(NOW, NOW.minusSeconds(1))).isNegative();
    }

    @Test
    void aGenerationLivesTwiceTheLookupTtlAndAMinute() {
        assertThat(lifetimes.generation()).isEqualTo(Duration.ofMinutes(21));
    }

    @Test
    void aSnapshotIsTrustedForHalfTheGenerationsLifetime() {
        assertThat(lifetimes.maxSnapshotAge()).isEqualTo(Duration.ofMinutes(10).plusSeconds(30));
        assertThat(lifetimes.maxSnapshotAge()).isGreaterThan(lifetimes.lookupTtl());
    }
}
