package org.openreferral.adapter.cache.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.FakeTicker;
import org.openreferral.adapter.cache.shared.InMemoryAttemptCounters;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.domain.model.user.Email;

class InMemoryReferralCodeCacheTest extends ReferralCodeCacheContract {

    private static final LookupLifetimes LIFETIMES = new LookupLifetimes(Duration.ofMinutes(10));
    private static final KeyedHashes KEYS = new KeyedHashes("test-secret");

    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryAttemptCounters counters = new InMemoryAttemptCounters(1_000);
    private final InMemoryReferralCodeStore store =
            new InMemoryReferralCodeStore(1_000, LIFETIMES.generation(), ticker, counters);
    private final ReferralCodeCache cache = cacheOver(store);

    @Override
    protected ReferralCodeCache cache() {
        return cache;
    }

    @Override
    protected AttemptCounters counters() {
        return counters;
    }

    @Override
    protected Instant now() {
        return ticker.clock().instant();
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        ticker.advance(time);
        return condition.getAsBoolean();
    }

    @Override
    protected Collection<String> storedKeys() {
        return store.keys();
    }

    @Test
    void aCodeIsServedUntilJustBeforeItExpires() {
        Email referrer = someReferrer();
        cache.putIfUnchanged(referrer, cache.read(referrer), new CachedCode("SOON-GONE", now().plusMillis(200)));

        ticker.advance(Duration.ofMillis(199));

        assertThat(cache.read(referrer).code()).isPresent();
    }

    @Test
    void aCodeIsCachedNoLongerThanTheLookupTtl() {
        Email referrer = someReferrer();
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);

        ticker.advance(LIFETIMES.lookupTtl().minusMillis(1));
        assertThat(cache.read(referrer).code()).contains(CODE);

        ticker.advance(Duration.ofMillis(1));
        assertThat(cache.read(referrer).code()).isEmpty();
    }

    @Test
    void aSnapshotOlderThanHalfTheGenerationLifetimeStoresNothing() {
        Email referrer = someReferrer();
        Snapshot old = cache.read(referrer);

        ticker.advance(LIFETIMES.generation().dividedBy(2).plusSeconds(1));
        cache.putIfUnchanged(referrer, old, CODE);

        assertThat(cache.read(referrer).code()).isEmpty();
    }

    @Test
    void anEvictionForgottenUnderSizePressureStillRefusesTheSnapshotTakenBeforeIt() {
        InMemoryReferralCodeStore tinyStore =
                new InMemoryReferralCodeStore(1, LIFETIMES.generation(), ticker, counters);
        ReferralCodeCache tiny = cacheOver(tinyStore);
        Email referrer = someReferrer();
        String referrerKey = KEYS.of(referrer);
        Snapshot beforeRevoke = tiny.read(referrer);
        tiny.evict(referrer);

        Email busier = someReferrer();
        for (int i = 0; i < 100 && tinyStore.keys().contains(referrerKey); i++) {
            tiny.evict(busier);
            tinyStore.cleanUp();
        }
        assertThat(tinyStore.keys()).as("the revoke's trace was pushed out").doesNotContain(referrerKey);
        tiny.putIfUnchanged(referrer, beforeRevoke, CODE);

        assertThat(tiny.read(referrer).code()).isEmpty();
        tiny.putIfUnchanged(referrer, tiny.read(referrer), OTHER_CODE);
        assertThat(tiny.read(referrer).code()).contains(OTHER_CODE);
    }

    private ReferralCodeCache cacheOver(InMemoryReferralCodeStore entries) {
        return new GenerationCheckedCache(entries, KEYS, LIFETIMES, ticker.clock(), ticker);
    }
}
