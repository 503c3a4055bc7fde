package org.openreferral.adapter.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

/** Chooses Redis or in-process caches at startup ({@code referral.cache.backend}) and produces the ports. */
@Startup
@Singleton
class CacheWiring {

    private static final Logger LOG = Logger.getLogger(CacheWiring.class);
    private static final Duration FAILURE_LOG_QUIET_PERIOD = Duration.ofMinutes(1);
    private static final int MAX_IN_PROCESS_COUNTERS = 200_000;

    private final CacheBackend backend;
    private final EmailKeys keys;
    private final Duration generationTtl;
    private final long maxEntries;
    private final Duration redisTimeout;
    private final InjectableInstance<ReactiveRedisDataSource> redisDataSource;
    private RedisCalls redisCalls;

    // The data source is looked up lazily: with the memory backend it is never touched, so no Redis
    // connection is ever attempted and no Redis needs to be configured.
    CacheWiring(@ConfigProperty(name = "referral.cache.backend", defaultValue = "auto") String backendSetting,
                @ConfigProperty(name = "referral.cache.key-secret") Optional<String> keySecret,
                @ConfigProperty(name = "referral.cache.lookup-ttl", defaultValue = "PT10M") Duration lookupTtl,
                @ConfigProperty(name = "referral.cache.redis.timeout", defaultValue = "PT0.2S") Duration redisTimeout,
                @ConfigProperty(name = "referral.cache.memory.max-entries", defaultValue = "10000") long maxEntries,
                InjectableInstance<ReactiveRedisDataSource> redisDataSource) {
        requirePositive("referral.cache.lookup-ttl", lookupTtl);
        requirePositive("referral.cache.redis.timeout", redisTimeout);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("referral.cache.memory.max-entries must be at least 1");
        }
        boolean redisConfigured = redisDataSource.isResolvable() && redisDataSource.getHandle().getBean().isActive();
        this.backend = CacheBackend.choose(backendSetting, redisConfigured);
        Optional<String> secret = keySecret.filter(value -> !value.isBlank());
        this.keys = new EmailKeys(secret.orElse(EmailKeys.BUILT_IN_SECRET));
        this.generationTtl = lookupTtl.multipliedBy(2).plusMinutes(1);
        this.maxEntries = maxEntries;
        this.redisTimeout = redisTimeout;
        this.redisDataSource = redisDataSource;
        LOG.infof("Referral caches: %s (referral.cache.backend=%s)", backend.label(), backendSetting);
        if (backend == CacheBackend.REDIS && secret.isEmpty()) {
            LOG.warn("referral.cache.key-secret is not set: Redis cache keys are derived with a built-in secret."
                    + " Set a secret, the same on every instance, in production.");
        }
    }

    CacheBackend backend() {
        return backend;
    }

    @Produces
    @ApplicationScoped
    ReferralCodeCache referralCodeCache(MeterRegistry meters) {
        ReferralCodeCache cache = backend == CacheBackend.REDIS
                ? new RedisReferralCodeCache(redisCalls(), keys, generationTtl)
                : new InMemoryReferralCodeCache(keys, maxEntries, generationTtl, Ticker.systemTicker());
        return new MeteredReferralCodeCache(cache, meters);
    }

    @Produces
    @ApplicationScoped
    EmailVerdictCache emailVerdictCache() {
        return backend == CacheBackend.REDIS
                ? new RedisEmailVerdictCache(redisCalls(), keys)
                : new InMemoryEmailVerdictCache(keys, maxEntries, Ticker.systemTicker());
    }

    @Produces
    @ApplicationScoped
    AttemptCounters attemptCounters() {
        InMemoryAttemptCounters memory = new InMemoryAttemptCounters(MAX_IN_PROCESS_COUNTERS);
        return backend == CacheBackend.REDIS ? new RedisAttemptCounters(redisCalls(), keys, memory) : memory;
    }

    @Produces
    @ApplicationScoped
    AccessTokenDenyList accessTokenDenyList() {
        InMemoryAccessTokenDenyList local = new InMemoryAccessTokenDenyList();
        return backend == CacheBackend.REDIS ? new RedisAccessTokenDenyList(redisCalls(), local) : local;
    }

    private synchronized RedisCalls redisCalls() {
        if (redisCalls == null) {
            redisCalls = new RedisCalls(redisDataSource.get(), redisTimeout, new FailureLog(FAILURE_LOG_QUIET_PERIOD));
        }
        return redisCalls;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
