package org.openreferral.bootstrap.shared;

import io.smallrye.health.api.Wellness;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.openreferral.adapter.cache.shared.CacheWiring;

/**
 * Health: whether Redis answers a PING within the cache's timeout. A wellness check, listed in {@code /q/health}
 * but not in readiness: while Redis is down the service still serves from its database (ADR 0014).
 */
@Wellness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    static final String NAME = "Redis";

    private final CacheWiring cache;

    RedisHealthCheck(CacheWiring cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        if (!cache.usesRedis()) {
            return HealthCheckResponse.named(NAME).up().withData("used", false).build();
        }
        boolean answered = cache.redisCalls().execute("health check", false, reply -> true, Command.PING);
        return HealthCheckResponse.named(NAME).status(answered).withData("used", true).build();
    }
}
