package org.openreferral.application.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.domain.model.user.Email;

/** The fake honours the port's contract (as the cache adapter's ReferralCodeCacheContract states it). */
class FakeReferralCodeCacheTest {

    private static final Email JOHN = new Email("john@example.com");

    private final MutableClock clock = new MutableClock(Fixture.START);
    private final FakeReferralCodeCache cache =
            new FakeReferralCodeCache(clock, new FakeUnitOfWork(), new FakeAttemptCounters());
    private final CachedCode code = new CachedCode("Summer-2026", Fixture.START.plus(Duration.ofHours(1)));
    private final CachedCode otherCode = new CachedCode("Winter-2026", Fixture.START.plus(Duration.ofHours(2)));

    @Test
    void aCodeStoredFromAFreshSnapshotIsReadBack() {
        cache.putIfUnchanged(JOHN, cache.read(JOHN), code);

        assertThat(cache.read(JOHN).code()).contains(code);
    }

    @Test
    void aPutWhoseSnapshotPredatesAnEvictStoresNothing() {
        Snapshot before = cache.read(JOHN);
        cache.evict(JOHN);

        cache.putIfUnchanged(JOHN, before, code);

        assertThat(cache.read(JOHN).code()).isEmpty();
    }

    @Test
    void aPutWhoseSnapshotPredatesAnEvictCannotReplaceTheNewerCode() {
        Snapshot stale = cache.read(JOHN);
        cache.evict(JOHN);
        cache.putIfUnchanged(JOHN, cache.read(JOHN), otherCode);

        cache.putIfUnchanged(JOHN, stale, code);

        assertThat(cache.read(JOHN).code()).contains(otherCode);
    }

    @Test
    void aCodeIsNotServedPastItsExpiryNorStoredOnceExpired() {
        cache.putIfUnchanged(JOHN, cache.read(JOHN), code);

        clock.set(code.expiresAt());

        assertThat(cache.read(JOHN).code()).isEmpty();
        cache.putIfUnchanged(JOHN, cache.read(JOHN), code);
        assertThat(cache.read(JOHN).code()).isEmpty();
    }

    @Test
    void aSnapshotThatTheCacheDidNotHandOutStoresNothing() {
        cache.putIfUnchanged(JOHN, Snapshot.miss("0"), code);

        assertThat(cache.read(JOHN).code()).isEmpty();
    }

    @Test
    void evictingOneReferrerLeavesOthersAlone() {
        Email jane = new Email("jane@example.com");
        Snapshot janes = cache.read(jane);
        cache.evict(JOHN);

        cache.putIfUnchanged(jane, janes, code);

        assertThat(cache.read(jane).code()).contains(code);
    }
}
