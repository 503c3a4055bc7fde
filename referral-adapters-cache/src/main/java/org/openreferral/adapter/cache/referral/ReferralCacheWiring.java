package org.openreferral.adapter.cache.referral;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.openreferral.adapter.cache.shared.CacheSettings;
import org.openreferral.adapter.cache.shared.CacheWiring;
import org.openreferral.application.referral.port.out.ReferralCodeCache;

/** Produces the lookup cache on the backend {@link CacheWiring} chose, counted by {@link MeteredReferralCodeCache}. */
@Singleton
class ReferralCacheWiring {

    // The application's clock when there is one (tests move it), so that "until the code expires" means the
    // same here as in the use case that checks a cached code's expiry.
    @Produces
    @ApplicationScoped
    ReferralCodeCache referralCodeCache(CacheWiring cache, CacheSettings settings, MeterRegistry meters,
                                        Instance<Clock> clock) {
        LookupLifetimes lifetimes = new LookupLifetimes(settings.lookupTtl());
        ReferralCodeStore store = cache.usesRedis()
                ? new RedisReferralCodeStore(cache.redisCalls(), cache.redisCounters(), lifetimes.generation(),
                        Infrastructure.getDefaultWorkerPool())
                : new InMemoryReferralCodeStore(settings.memory().maxEntries(), lifetimes.generation(),
                        Ticker.systemTicker(), cache.counters());
        Clock wallClock = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        return new MeteredReferralCodeCache(
                new GenerationCheckedCache(store, cache.keys(), lifetimes, wallClock, Ticker.systemTicker()), meters);
    }
}
