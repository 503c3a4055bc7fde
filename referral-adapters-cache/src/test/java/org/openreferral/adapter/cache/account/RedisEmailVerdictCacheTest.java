package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.EmbeddedRedis;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.adapter.cache.shared.RedisWaits;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisEmailVerdictCacheTest extends EmailVerdictCacheContract {

    @Inject
    EmailVerdictCache cache;

    // Through Instance: a plain injection point would make every test application, including the one
    // without Redis, fail at startup on the inactive Redis client.
    @Inject
    Instance<RedisDataSource> redisDataSource;

    @Override
    protected EmailVerdictCache cache() {
        return cache;
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        return RedisWaits.holdsWithin(time.plusSeconds(2), condition);
    }

    @Override
    protected Collection<String> storedKeys() {
        return redis().key().keys("*");
    }

    @Test
    void aVerdictIsStoredCompactlyUnderAKeyedHashWithTheGivenTtl() {
        Email address = someAddress();
        String key = "referral:email:{" + new KeyedHashes("test-secret").of(address) + "}";

        cache.put(address, EmailVerdict.of(Status.DISPOSABLE, "throw-away domain"), Duration.ofDays(7));

        assertThat(redis().value(String.class).get(key)).isEqualTo("DISPOSABLE|0|throw-away domain");
        assertThat(redis().key().pttl(key)).isBetween(1L, Duration.ofDays(7).toMillis());
    }

    @Test
    void garbageUnderAVerdictKeyReadsAsAMiss() {
        Email address = someAddress();
        String key = "referral:email:{" + new KeyedHashes("test-secret").of(address) + "}";

        for (String garbage : new String[] {"garbage", "VALID|maybe|x", "SPAM|0|x", "VALID|1|failed but valid", "|0|"}) {
            redis().value(String.class).set(key, garbage);
            assertThat(cache.get(address)).as(garbage).isEmpty();
        }
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
