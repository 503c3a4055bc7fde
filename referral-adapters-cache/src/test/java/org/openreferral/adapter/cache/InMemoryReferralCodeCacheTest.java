package org.openreferral.adapter.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

class InMemoryReferralCodeCacheTest extends ReferralCodeCacheContract {

    private static final Duration GENERATION_TTL = Duration.ofMinutes(21);

    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryReferralCodeCache cache =
            new InMemoryReferralCodeCache(new EmailKeys("test-secret"), 1_000, GENERATION_TTL, ticker);

    @Override
    protected ReferralCodeCache cache() {
        return cache;
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        ticker.advance(time);
        return condition.getAsBoolean();
    }

    @Override
    protected Collection<String> storedKeys() {
        return cache.keys();
    }

    @Test
    void aCodeIsServedUntilJustBeforeItsTtlEnds() {
        Email referrer = someReferrer();
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE, Duration.ofMillis(200));

        ticker.advance(Duration.ofMillis(199));

        assertThat(cache.read(referrer).code()).contains(CODE);
    }

    @Test
    void aCodeIsNeverKeptLongerThanTheGenerationsOfEvictions() {
        Email referrer = someReferrer();
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE, Duration.ofDays(365));

        ticker.advance(GENERATION_TTL);

        assertThat(cache.read(referrer).code()).isEmpty();
    }

    @Test
    void aSnapshotOlderThanHalfTheGenerationLifetimeStoresNothing() {
        Email referrer = someReferrer();
        Snapshot old = cache.read(referrer);

        ticker.advance(GENERATION_TTL.dividedBy(2).plusSeconds(1));
        cache.putIfUnchanged(referrer, old, CODE, TTL);

        assertThat(cache.read(referrer).code()).isEmpty();
    }

    @Test
    void anEvictionForgottenUnderSizePressureStillRefusesTheSnapshotTakenBeforeIt() {
        InMemoryReferralCodeCache tiny =
                new InMemoryReferralCodeCache(new EmailKeys("test-secret"), 1, GENERATION_TTL, ticker);
        Email referrer = someReferrer();
        String referrerKey = new EmailKeys("test-secret").of(referrer);
        Snapshot beforeRevoke = tiny.read(referrer);
        tiny.evict(referrer);

        Email busier = someReferrer();
        for (int i = 0; i < 100 && tiny.keys().contains(referrerKey); i++) {
            tiny.evict(busier);
            tiny.cleanUp();
        }
        assertThat(tiny.keys()).as("the revoke's trace was pushed out").doesNotContain(referrerKey);
        tiny.putIfUnchanged(referrer, beforeRevoke, CODE, TTL);

        assertThat(tiny.read(referrer).code()).isEmpty();
        tiny.putIfUnchanged(referrer, tiny.read(referrer), OTHER_CODE, TTL);
        assertThat(tiny.read(referrer).code()).contains(OTHER_CODE);
    }
}
