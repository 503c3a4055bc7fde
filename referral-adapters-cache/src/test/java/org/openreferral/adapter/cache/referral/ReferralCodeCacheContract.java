package org.openreferral.adapter.cache.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CountedRead;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;
import org.openreferral.domain.model.user.Email;

/** What every {@link ReferralCodeCache} must do; run against the in-process and the Redis implementation. */
abstract class ReferralCodeCacheContract {

    static final CachedCode CODE = new CachedCode("FRIEND-2030", Instant.parse("2030-01-01T12:00:00.123456Z"));
    static final CachedCode OTHER_CODE = new CachedCode("NEWCODE42", Instant.parse("2031-06-30T00:00:00Z"));

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    protected abstract ReferralCodeCache cache();

    /** The time on the cache's clock, which a code's expiry is measured against. */
    protected abstract Instant now();

    /** Lets {@code time} pass (by waiting or by moving a clock) and tells whether the condition then holds. */
    protected abstract boolean holdsOnceElapsed(Duration time, BooleanSupplier condition);

    /** Every key the implementation currently stores. */
    protected abstract Collection<String> storedKeys();

    /** The attempt counters the rate-limit check counts on, which a counted read must count on too. */
    protected abstract AttemptCounters counters();

    private CountedRead readCounting(Email referrer, String counter) {
        Attempt attempt = new Attempt(counter, Duration.ofMinutes(1), now());
        return cache().readCounting(referrer, Optional.of(attempt)).toCompletableFuture().join();
    }

    @Test
    void aCountedReadSeesWhatAReadSeesAndCountsOnTheRateLimitsCounters() {
        Email referrer = someReferrer();
        String counter = "rate:code-lookup:" + UUID.randomUUID();
        cache().putIfUnchanged(referrer, cache().read(referrer), CODE);

        CountedRead first = readCounting(referrer, counter);
        counters().increment(counter, Duration.ofMinutes(1), now());
        CountedRead third = readCounting(referrer, counter);

        assertThat(first.snapshot().code()).contains(CODE);
        assertThat(first.attempts()).map(Window::count).contains(1L);
        assertThat(third.attempts()).map(Window::count).contains(3L);
        assertThat(third.attempts().orElseThrow().endsAt()).isEqualTo(first.attempts().orElseThrow().endsAt());
        assertThat(counters().increment(counter, Duration.ofMinutes(1), now()).count())
                .as("the fourth attempt in the same window").isEqualTo(4);
    }

    @Test
    void aCountedReadWithoutAnAttemptCountsNothing() {
        Email referrer = someReferrer();

        CountedRead read = cache().readCounting(referrer, Optional.empty()).toCompletableFuture().join();

        assertThat(read.snapshot().code()).isEmpty();
        assertThat(read.attempts()).isEmpty();
    }

    @Test
    void aCountedReadsSnapshotFillsTheCacheUnlessAnEvictionCameBetween() {
        Email filled = someReferrer();
        Email evicted = someReferrer();
        String counter = "rate:code-lookup:" + UUID.randomUUID();

        cache().putIfUnchanged(filled, readCounting(filled, counter).snapshot(), CODE);
        Snapshot beforeEviction = readCounting(evicted, counter).snapshot();
        cache().evict(evicted);
        cache().putIfUnchanged(evicted, beforeEviction, CODE);

        assertThat(readCounting(filled, counter).snapshot().code()).contains(CODE);
        assertThat(readCounting(evicted, counter).snapshot().code()).isEmpty();
    }

    static Email someReferrer() {
        return new Email("Referrer." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org");
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void aReferrerNeverCachedIsAMiss() {
        assertThat(cache().read(someReferrer()).code()).isEmpty();
    }

    @Test
    void aCodeStoredFromAFreshSnapshotIsReadBackExactly() {
        Email referrer = someReferrer();

        cache().putIfUnchanged(referrer, cache().read(referrer), CODE);

        assertThat(cache().read(referrer).code()).contains(CODE);
    }

    @Test
    void anEvictedCodeIsNoLongerServed() {
        Email referrer = someReferrer();
        cache().putIfUnchanged(referrer, cache().read(referrer), CODE);

        cache().evict(referrer);

        assertThat(cache().read(referrer).code()).isEmpty();
    }

    @Test
    void aPutWhoseSnapshotPredatesAnEvictStoresNothing() {
        Email referrer = someReferrer();
        Snapshot beforeRevoke = cache().read(referrer);

        cache().evict(referrer);
        cache().putIfUnchanged(referrer, beforeRevoke, CODE);

        assertThat(cache().read(referrer).code()).isEmpty();
    }

    @Test
    void aPutWhoseSnapshotPredatesAnEvictCannotReplaceTheNewerCode() {
        Email referrer = someReferrer();
        Snapshot stale = cache().read(referrer);
        cache().evict(referrer);
        cache().putIfUnchanged(referrer, cache().read(referrer), OTHER_CODE);

        cache().putIfUnchanged(referrer, stale, CODE);

        assertThat(cache().read(referrer).code()).contains(OTHER_CODE);
    }

    @Test
    void aPutFromASnapshotTakenAfterTheEvictIsStored() {
        Email referrer = someReferrer();
        cache().putIfUnchanged(referrer, cache().read(referrer), CODE);
        cache().evict(referrer);

        cache().putIfUnchanged(referrer, cache().read(referrer), OTHER_CODE);

        assertThat(cache().read(referrer).code()).contains(OTHER_CODE);
    }

    @Test
    void evictingOneReferrerKeepsTheOthersCached() {
        Email evicted = someReferrer();
        Email kept = someReferrer();
        cache().putIfUnchanged(evicted, cache().read(evicted), CODE);
        cache().putIfUnchanged(kept, cache().read(kept), OTHER_CODE);

        cache().evict(evicted);

        assertThat(cache().read(kept).code()).contains(OTHER_CODE);
    }

    @Test
    void aCodeIsNotServedPastItsExpiry() {
        Email referrer = someReferrer();
        Duration lifetime = Duration.ofSeconds(1);
        CachedCode shortLived = new CachedCode("SOON-GONE", now().plus(lifetime));
        cache().putIfUnchanged(referrer, cache().read(referrer), shortLived);
        assertThat(cache().read(referrer).code()).contains(shortLived);

        assertThat(holdsOnceElapsed(lifetime, () -> cache().read(referrer).code().isEmpty())).isTrue();
    }

    @Test
    void aCodeThatHasExpiredIsNotStored() {
        Email referrer = someReferrer();

        cache().putIfUnchanged(referrer, cache().read(referrer), new CachedCode("EXPIRED-NOW", now()));
        cache().putIfUnchanged(referrer, cache().read(referrer), new CachedCode("EXPIRED", now().minusSeconds(1)));

        assertThat(cache().read(referrer).code()).isEmpty();
    }

    @Test
    void aSnapshotThatTheCacheDidNotHandOutStoresNothing() {
        Email referrer = someReferrer();

        cache().putIfUnchanged(referrer, Snapshot.miss("0"), CODE);
        cache().putIfUnchanged(referrer, Snapshot.miss("not-a-generation"), CODE);

        assertThat(cache().read(referrer).code()).isEmpty();
    }

    @Test
    void noStoredKeyRevealsTheAddress() {
        Email referrer = someReferrer();
        cache().putIfUnchanged(referrer, cache().read(referrer), CODE);
        cache().evict(someReferrer());

        assertThat(storedKeys()).isNotEmpty().allSatisfy(key -> assertThat(key)
                .doesNotContain("@")
                .doesNotContainIgnoringCase(referrer.localPart())
                .doesNotContainIgnoringCase("example.org"));
    }

    @Test
    void aPutRacingAnEvictNeverLeavesTheCodeCached() throws Exception {
        for (int round = 0; round < 50; round++) {
            Email referrer = someReferrer();
            Snapshot snapshot = cache().read(referrer);
            CountDownLatch go = new CountDownLatch(1);
            Future<?> put = pool.submit(() -> {
                go.await();
                cache().putIfUnchanged(referrer, snapshot, CODE);
                return null;
            });
            Future<?> evict = pool.submit(() -> {
                go.await();
                cache().evict(referrer);
                return null;
            });
            go.countDown();
            put.get();
            evict.get();

            assertThat(cache().read(referrer).code()).as("round %d", round).isEmpty();
        }
    }
}
