package org.openreferral.bootstrap.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A real Redis (6.2, the embedded-redis binaries) on a free local port, configured as the app's cache. */
public class RedisTestResource implements QuarkusTestResourceLifecycleManager {

    private LocalRedis redis;

    @Override
    public Map<String, String> start() {
        redis = new LocalRedis();
        redis.start();
        return Map.of(
                "quarkus.redis.hosts", "redis://127.0.0.1:" + redis.port(),
                "referral.cache.key-secret", "test-secret-shared-by-instances");
    }

    @Override
    public void stop() {
        redis.stop();
    }
}
