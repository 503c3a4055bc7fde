package org.openreferral.adapter.cache.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.EmbeddedRedis;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.adapter.cache.shared.RedisWaits;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.domain.model.user.Email;

@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisReferralCodeCacheTest extends ReferralCodeCacheContract {

    @Inject
    ReferralCodeCache cache;

    @Inject
    AttemptCounters counters;

    // Through Instance: a plain injection point would make every test application, including the one
    // without Redis, fail at startup on the inactive Redis client.
    @Inject
    Instance<RedisDataSource> redisDataSource;

    @Override
    protected ReferralCodeCache cache() {
        return cache;
    }

    @Override
    protected AttemptCounters counters() {
        return counters;
    }

    @Override
    protected Instant now() {
        return Instant.now();
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        return RedisWaits.holdsWithin(time.plusSeconds(2), condition);
    }

    @Override
    protected Collection<String> storedKeys() {
        return keys("*");
    }

    @Test
    void entriesLiveUnderKeyedHashKeysThatShareAClusterSlot() {
        Email referrer = someReferrer();
        String hash = new KeyedHashes("test-secret").of(referrer);

        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);
        cache.evict(someReferrer());
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);
        cache.evict(referrer);

        assertThat(keys("*" + hash + "*")).containsExactly("referral:code-gen:{" + hash + "}");
    }

    @Test
    void theStoredValueIsCompactAndLivesNoLongerThanTheLookupTtl() {
        Email referrer = someReferrer();
        String valueKey = valueKey(referrer);

        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);

        assertThat(redis().value(String.class).get(valueKey)).isEqualTo("FRIEND-2030|2030-01-01T12:00:00.123456Z");
        // referral.cache.lookup-ttl defaults to 10 minutes.
        assertThat(redis().key().pttl(valueKey))
                .isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
    }

    @Test
    void aCodeExpiringSoonerThanTheLookupTtlLivesUntilItsExpiry() {
        Email referrer = someReferrer();

        cache.putIfUnchanged(referrer, cache.read(referrer), new CachedCode("SOON-GONE", now().plusSeconds(30)));

        assertThat(redis().key().pttl(valueKey(referrer))).isBetween(1L, 30_000L);
    }

    @Test
    void theGenerationOutlivesTheLongestCachedValue() {
        Email referrer = someReferrer();

        cache.evict(referrer);

        // referral.cache.lookup-ttl defaults to 10 minutes: generations live 2 x 10 + 1 minutes.
        assertThat(redis().key().pttl(generationKey(referrer)))
                .isGreaterThan(Duration.ofMinutes(20).toMillis())
                .isLessThanOrEqualTo(Duration.ofMinutes(21).toMillis());
    }

    @Test
    void garbageInAValueReadsAsAMissAndIsReplacedByTheNextPut() {
        Email referrer = someReferrer();
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);

        for (String garbage : List.of("garbage", "FRIEND-2030|not-a-date", "|2030-01-01T00:00:00Z", "no spaces!|"
                + "2030-01-01T00:00:00Z", "")) {
            redis().value(String.class).set(valueKey(referrer), garbage);
            assertThat(cache.read(referrer).code()).as(garbage).isEmpty();
        }
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);

        assertThat(cache.read(referrer).code()).contains(CODE);
    }

    @Test
    void aValueOfTheWrongRedisTypeReadsAsAMiss() {
        Email referrer = someReferrer();
        redis().list(String.class).lpush(valueKey(referrer), "FRIEND-2030|2030-01-01T12:00:00Z");

        assertThat(cache.read(referrer).code()).isEmpty();
    }

    @Test
    void aCorruptGenerationIsRepairedByTheNextEvict() {
        Email referrer = someReferrer();
        redis().list(String.class).lpush(generationKey(referrer), "garbage");
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);
        assertThat(cache.read(referrer).code()).isEmpty();

        cache.evict(referrer);
        cache.putIfUnchanged(referrer, cache.read(referrer), CODE);

        assertThat(cache.read(referrer).code()).contains(CODE);
    }

    private List<String> keys(String pattern) {
        return redis().key().keys(pattern);
    }

    private static String valueKey(Email referrer) {
        return "referral:code:{" + new KeyedHashes("test-secret").of(referrer) + "}";
    }

    private static String generationKey(Email referrer) {
        return "referral:code-gen:{" + new KeyedHashes("test-secret").of(referrer) + "}";
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
