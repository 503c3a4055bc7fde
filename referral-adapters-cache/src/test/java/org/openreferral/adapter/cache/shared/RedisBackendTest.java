package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The application as it runs with a Redis configured. */
@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisBackendTest {

    @Inject
    CacheWiring wiring;

    @Inject
    SmallRyeHealthReporter health;

    @Test
    void redisIsChosenWhenItIsConfiguredAndReportedReady() {
        assertThat(wiring.backend()).isEqualTo(CacheBackend.REDIS);
        assertThat(wiring.usesRedis()).isTrue();
        assertThat(health.getReadiness().isDown()).isFalse();
        assertThat(health.getReadiness().getPayload().toString()).contains("Redis connection health check");
    }
}
