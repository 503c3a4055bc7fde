package org.openreferral.adapter.cache.shared;

import java.util.Locale;

/** Which implementation serves the cache ports, as decided from {@code referral.cache.backend}. */
enum CacheBackend {
    MEMORY, REDIS;

    // An explicit "redis" without a configured client fails the boot rather than giving a cache that never hits.
    static CacheBackend choose(String setting, boolean redisConfigured) {
        switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "auto":
                return redisConfigured ? REDIS : MEMORY;
            case "memory":
                return MEMORY;
            case "redis":
                if (!redisConfigured) {
                    throw new IllegalStateException(
                            "referral.cache.backend=redis but no Redis client is configured: set quarkus.redis.hosts");
                }
                return REDIS;
            default:
                throw new IllegalArgumentException(
                        "referral.cache.backend must be auto, memory or redis, not '" + setting + "'");
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
