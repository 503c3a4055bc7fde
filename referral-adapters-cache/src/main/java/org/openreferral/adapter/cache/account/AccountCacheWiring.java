package org.openreferral.adapter.cache.account;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.openreferral.adapter.cache.shared.CacheSettings;
import org.openreferral.adapter.cache.shared.CacheWiring;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.account.port.out.SubjectExistenceCache;

/** Produces the account slice's caches on the backend {@link CacheWiring} chose. */
@Singleton
class AccountCacheWiring {

    // Enough for every user active within a subject-check period on one instance; a flood of distinct
    // (valid) subjects only pushes older ones out, which costs database lookups, never correctness.
    private static final int MAX_REMEMBERED_SUBJECTS = 50_000;

    @Produces
    @ApplicationScoped
    EmailVerdictCache emailVerdictCache(CacheWiring cache, CacheSettings settings) {
        return cache.usesRedis()
                ? new RedisEmailVerdictCache(cache.redisCalls(), cache.keys())
                : new InMemoryEmailVerdictCache(cache.keys(), settings.memory().maxEntries(), Ticker.systemTicker());
    }

    @Produces
    @ApplicationScoped
    AccessTokenDenyList accessTokenDenyList(CacheWiring cache) {
        InMemoryAccessTokenDenyList local = new InMemoryAccessTokenDenyList();
        return cache.usesRedis() ? new RedisAccessTokenDenyList(cache.redisCalls(), local) : local;
    }

    // Per instance whatever the backend: a remembered subject saves a primary-key lookup, a Redis call
    // would cost as much.
    @Produces
    @ApplicationScoped
    SubjectExistenceCache subjectExistenceCache() {
        return new InMemorySubjectExistenceCache(MAX_REMEMBERED_SUBJECTS, Ticker.systemTicker());
    }
}
