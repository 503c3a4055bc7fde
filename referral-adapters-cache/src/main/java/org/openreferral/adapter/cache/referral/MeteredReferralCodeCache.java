package org.openreferral.adapter.cache.referral;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/** Counts lookup-cache hits and misses ({@code referral_code_lookup_cache_total}) around the chosen cache. */
final class MeteredReferralCodeCache implements ReferralCodeCache {

    private final ReferralCodeCache delegate;
    private final Counter hits;
    private final Counter misses;

    MeteredReferralCodeCache(ReferralCodeCache delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.hits = Counter.builder("referral.code.lookup.cache").tag("result", "hit")
                .description("Public code lookups by cache result").register(meters);
        this.misses = Counter.builder("referral.code.lookup.cache").tag("result", "miss")
                .description("Public code lookups by cache result").register(meters);
    }

    @Override
    public Snapshot read(Email referrer) {
        Snapshot snapshot = delegate.read(referrer);
        (snapshot.code().isPresent() ? hits : misses).increment();
        return snapshot;
    }

    @Override
    public CompletionStage<CountedRead> readCounting(Email referrer, Optional<Attempt> attempt) {
        return delegate.readCounting(referrer, attempt).thenApply(counted -> {
            (counted.snapshot().code().isPresent() ? hits : misses).increment();
            return counted;
        });
    }

    @Override
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code) {
        delegate.putIfUnchanged(referrer, snapshot, code);
    }

    @Override
    public void evict(Email referrer) {
        delegate.evict(referrer);
    }
}
