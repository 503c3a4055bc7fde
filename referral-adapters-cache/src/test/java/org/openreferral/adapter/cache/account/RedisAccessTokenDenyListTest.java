package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.EmbeddedRedis;
import org.openreferral.adapter.cache.shared.RedisWaits;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisAccessTokenDenyListTest extends AccessTokenDenyListContract {

    @Inject
    AccessTokenDenyList denyList;

    // Through Instance: a plain injection point would make every test application, including the one
    // without Redis, fail at startup on the inactive Redis client.
    @Inject
    Instance<RedisDataSource> redisDataSource;

    @Override
    protected AccessTokenDenyList denyList() {
        return denyList;
    }

    @Override
    protected boolean holdsOnceElapsed(Duration time, BooleanSupplier condition) {
        return RedisWaits.holdsWithin(time.plusSeconds(2), condition);
    }

    @AfterEach
    void unpause() {
        redis().execute("CLIENT", "UNPAUSE");
    }

    @Test
    void aDenialIsStoredWithItsTtlForEveryInstanceToSee() {
        String entry = someEntry();
        denyList.deny(entry, Duration.ofMinutes(15));

        assertThat(redis().key().pttl("referral:denied:" + entry)).isBetween(1L, Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aDenialMadeByAnotherInstanceIsSeenHere() {
        String entry = someEntry();

        redis().value(String.class).psetex("referral:denied:" + entry, 60_000, "1");

        assertThat(denyList.isAnyDenied(List.of(someEntry(), entry))).isTrue();
    }

    @Test
    void aDenialMadeHereHoldsHereEvenWhenRedisCouldNotTakeIt() {
        String entry = someEntry();
        redis().execute("CLIENT", "PAUSE", "1500", "ALL");

        denyList.deny(entry, Duration.ofMinutes(15));

        assertThat(denyList.isAnyDenied(List.of(entry))).isTrue();
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
