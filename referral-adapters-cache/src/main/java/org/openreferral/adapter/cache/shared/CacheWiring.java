package org.openreferral.adapter.cache.shared;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

/** Chooses Redis or in-process caches at startup ({@code referral.cache.backend}) and holds what the slices share. */
@Startup
@Singleton
public class CacheWiring {

    private static final Logger LOG = Logger.getLogger(CacheWiring.class);
    private static final Duration FAILURE_LOG_QUIET_PERIOD = Duration.ofMinutes(1);
    private static final int MAX_IN_PROCESS_COUNTERS = 200_000;

    private final CacheBackend backend;
    private final KeyedHashes keys;
    private final Duration redisTimeout;
    private final InjectableInstance<ReactiveRedisDataSource> redisDataSource;
    private RedisCalls redisCalls;
    private AttemptCounters counters;

    // The data source is looked up lazily: with the memory backend it is never touched, so no Redis
    // connection is ever attempted and no Redis needs to be configured.
    CacheWiring(CacheSettings settings, InjectableInstance<ReactiveRedisDataSource> redisDataSource) {
        requirePositive("referral.cache.lookup-ttl", settings.lookupTtl());
        requirePositive("referral.cache.redis.timeout", settings.redis().timeout());
        if (settings.memory().maxEntries() < 1) {
            throw new IllegalArgumentException("referral.cache.memory.max-entries must be at least 1");
        }
        boolean redisConfigured = redisDataSource.isResolvable() && redisDataSource.getHandle().getBean().isActive();
        this.backend = CacheBackend.choose(settings.backend(), redisConfigured);
        Optional<String> secret = settings.keySecret().filter(value -> !value.isBlank());
        this.keys = new KeyedHashes(secret.orElse(KeyedHashes.BUILT_IN_SECRET));
        this.redisTimeout = settings.redis().timeout();
        this.redisDataSource = redisDataSource;
        LOG.infof("Referral caches: %s (referral.cache.backend=%s)", backend.label(), settings.backend());
        // Redis without a key secret is refused at start-up (bootstrap's StartupGuards).
    }

    /** Whether the caches shared by instances live in Redis; otherwise each instance keeps its own. */
    public boolean usesRedis() {
        return backend == CacheBackend.REDIS;
    }

    public KeyedHashes keys() {
        return keys;
    }

    /** The Redis calls of every Redis cache; only when {@link #usesRedis()}. */
    public synchronized RedisCalls redisCalls() {
        if (redisCalls == null) {
            redisCalls = new RedisCalls(redisDataSource.get(), redisTimeout, new FailureLog(FAILURE_LOG_QUIET_PERIOD));
        }
        return redisCalls;
    }

    CacheBackend backend() {
        return backend;
    }

    @Produces
    @ApplicationScoped
    AttemptCounters attemptCounters() {
        return counters();
    }

    /** The attempt counters of this instance, in Redis when {@link #usesRedis()}; one instance for every user. */
    public synchronized AttemptCounters counters() {
        if (counters == null) {
            InMemoryAttemptCounters memory = new InMemoryAttemptCounters(MAX_IN_PROCESS_COUNTERS);
            counters = usesRedis() ? new RedisAttemptCounters(redisCalls(), keys, memory) : memory;
        }
        return counters;
    }

    /** {@link #counters()} in Redis, for callers that count in their own pipeline; only when {@link #usesRedis()}. */
    public RedisAttemptCounters redisCounters() {
        if (!(counters() instanceof RedisAttemptCounters redis)) {
            throw new IllegalStateException("the attempt counters are not in Redis");
        }
        return redis;
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
