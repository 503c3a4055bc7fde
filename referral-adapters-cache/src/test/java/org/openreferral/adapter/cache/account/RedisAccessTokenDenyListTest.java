package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.cache.shared.EmbeddedRedis;
import org.openreferral.adapter.cache.shared.RedisWaits;
import org.openreferral.application.account.port.out.AccessTokenDenyList;
import org.openreferral.application.account.port.out.AccessTokenDenyList.Verdict;

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

    /** Every test starts from a list that answers alone: Redis complete, as after a refill. */
    @BeforeEach
    void complete() {
        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> {
            denyList.refillIfDue(Map::of);
            return denyList.check(List.of(someEntry())) == Verdict.NOT_DENIED;
        })).as("the list answers alone after a refill").isTrue();
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

        assertThat(denyList.check(List.of(someEntry(), entry))).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aDenialMadeHereHoldsHereEvenWhenRedisCouldNotTakeIt() {
        String entry = someEntry();
        redis().execute("CLIENT", "PAUSE", "1500", "ALL");

        denyList.deny(entry, Duration.ofMinutes(15));

        assertThat(denyList.check(List.of(entry))).isEqualTo(Verdict.DENIED);
    }

    @Test
    void aRedisThatCannotAnswerInTimeLeavesTheDecisionToTheDatabase() {
        redis().execute("CLIENT", "PAUSE", "1500", "ALL");

        long started = System.nanoTime();
        assertThat(denyList.check(List.of(someEntry()))).isEqualTo(Verdict.UNKNOWN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void afterAWriteRedisMissedTheListDoesNotAnswerAloneUntilItWasRefilled() {
        String missed = someEntry();
        String knownToTheDatabase = someEntry();
        // Writes stall past the timeout while reads are still answered: the denial does not reach Redis in time.
        redis().execute("CLIENT", "PAUSE", "1500", "WRITE");
        denyList.deny(missed, Duration.ofMinutes(15));
        redis().execute("CLIENT", "UNPAUSE");

        assertThat(denyList.check(List.of(someEntry()))).as("Redis answers, but may lack a denial")
                .isEqualTo(Verdict.UNKNOWN);
        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> {
            denyList.refillIfDue(() -> Map.of(knownToTheDatabase, Duration.ofMinutes(15)));
            return denyList.check(List.of(someEntry())) == Verdict.NOT_DENIED;
        })).isTrue();
        assertThat(redis().key().pttl("referral:denied:" + knownToTheDatabase))
                .isBetween(1L, Duration.ofMinutes(15).toMillis());
    }

    @Test
    void aRedisThatLostItsContentIsRefilledBeforeItAnswersAlone() {
        String entry = someEntry();
        denyList.deny(entry, Duration.ofMinutes(15));
        // What a restart without persistence, a failover to an empty replica or an eviction leaves.
        redis().key().del(RedisAccessTokenDenyList.COMPLETE, "referral:denied:" + entry);

        assertThat(denyList.check(List.of(someEntry()))).isEqualTo(Verdict.UNKNOWN);
        AtomicInteger reads = new AtomicInteger();
        denyList.refillIfDue(() -> {
            reads.incrementAndGet();
            return Map.of(entry, Duration.ofMinutes(15));
        });

        assertThat(reads).hasValue(1);
        assertThat(redis().key().exists("referral:denied:" + entry)).isTrue();
        assertThat(denyList.check(List.of(someEntry()))).isEqualTo(Verdict.NOT_DENIED);
        denyList.refillIfDue(() -> {
            reads.incrementAndGet();
            return Map.of();
        });
        assertThat(reads).as("a complete list is not refilled").hasValue(1);
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
