package org.openreferral.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.domain.model.user.Email;

/** The fake honours the port's contract, which the lookup tests rely on. */
class FakeReferralCodeCacheTest {

    private static final Email JOHN = new Email("john@example.com");
    private static final CachedCode CODE = new CachedCode("Summer-2026", Instant.parse("2026-04-01T00:00:00Z"));

    private final MutableClock clock = new MutableClock(Fixture.START);
    private final FakeReferralCodeCache cache = new FakeReferralCodeCache(clock, new FakeUnitOfWork());

    @Test
    void putAfterAnUnchangedSnapshotIsStored() {
        cache.putIfUnchanged(JOHN, cache.read(JOHN), CODE, Duration.ofMinutes(5));

        assertThat(cache.read(JOHN).code()).contains(CODE);
    }

    @Test
    void putWithASnapshotTakenBeforeAnEvictionIsIgnored() {
        Snapshot before = cache.read(JOHN);
        cache.evict(JOHN);

        cache.putIfUnchanged(JOHN, before, CODE, Duration.ofMinutes(5));

        assertThat(cache.read(JOHN).code()).isEmpty();
    }

    @Test
    void entriesLiveForTheirTtl() {
        cache.putIfUnchanged(JOHN, cache.read(JOHN), CODE, Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(5));

        assertThat(cache.read(JOHN).code()).isEmpty();
    }

    @Test
    void evictingOneReferrerLeavesOthersAlone() {
        Email jane = new Email("jane@example.com");
        Snapshot janes = cache.read(jane);
        cache.evict(JOHN);

        cache.putIfUnchanged(jane, janes, CODE, Duration.ofMinutes(5));

        assertThat(cache.read(jane).code()).contains(CODE);
    }
}
