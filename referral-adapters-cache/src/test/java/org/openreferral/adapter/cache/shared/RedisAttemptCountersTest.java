package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;

@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisAttemptCountersTest extends AttemptCountersContract {

    @Inject
    AttemptCounters counters;

    // Through Instance: a plain injection point would make every test application, including the one
    // without Redis, fail at startup on the inactive Redis client.
    @Inject
    Instance<RedisDataSource> redisDataSource;

    @Override
    protected AttemptCounters counters() {
        return counters;
    }

    @AfterEach
    void unpause() {
        redis().execute("CLIENT", "UNPAUSE");
    }

    @Test
    void aCounterLivesUnderAKeyedHashAndExpiresWithItsWindow() {
        String key = "rate:token:alice@example.com/" + someKey();
        counters.increment(key, WINDOW, NOW);
        String redisKey = "referral:attempts:{" + new KeyedHashes("test-secret").of(key) + "}";

        assertThat(redis().key().keys("*alice*")).isEmpty();
        assertThat(redis().hash(String.class).hget(redisKey, "n")).isEqualTo("1");
        assertThat(redis().key().pttl(redisKey)).isBetween(1L, WINDOW.toMillis());
    }

    @Test
    void whatOneInstanceCountsEveryInstanceSees() {
        String key = someKey();
        counters.increment(key, WINDOW, NOW);
        String redisKey = "referral:attempts:{" + new KeyedHashes("test-secret").of(key) + "}";

        // Another instance counting the same key is, to Redis, the same script on the same hash.
        redis().hash(String.class).hincrby(redisKey, "n", 4);

        assertThat(counters.increment(key, WINDOW, NOW.plusSeconds(1))).isEqualTo(new Window(6, NOW.plus(WINDOW)));
    }

    @Test
    void whileRedisStallsThisInstanceCountsOnItsOwn() {
        String key = someKey();
        redis().execute("CLIENT", "PAUSE", "1500", "ALL");

        long started = System.nanoTime();
        counters.increment(key, WINDOW, NOW);
        Window second = counters.increment(key, WINDOW, NOW);

        assertThat(second.count()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
