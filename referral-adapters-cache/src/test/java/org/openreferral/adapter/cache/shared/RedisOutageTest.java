package org.openreferral.adapter.cache.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CountedRead;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Snapshot;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;
import org.openreferral.domain.model.user.Email;

@QuarkusTest
@WithTestResource(EmbeddedRedis.class)
class RedisOutageTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final CachedCode CODE = new CachedCode("FRIEND-2030", Instant.parse("2030-01-01T12:00:00Z"));

    @Inject
    ReferralCodeCache codes;

    @Inject
    EmailVerdictCache verdicts;

    @Inject
    Vertx vertx;

    // Through Instance: a plain injection point would make every test application, including the one
    // without Redis, fail at startup on the inactive Redis client.
    @Inject
    Instance<RedisDataSource> redisDataSource;

    private final Logger cacheLogger = Logger.getLogger("org.openreferral.adapter.cache");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        cacheLogger.addHandler(capture);
    }

    @AfterEach
    void restoreRedis() {
        cacheLogger.removeHandler(capture);
        redis().execute("CLIENT", "UNPAUSE");
    }

    @Test
    void whileRedisIsDownEveryCallIsAQuickMissAndCachingResumesOnceItIsBack() {
        Email first = someAddress();
        Email second = someAddress();
        Email address = someAddress();
        codes.putIfUnchanged(first, codes.read(first), CODE);
        codes.putIfUnchanged(second, codes.read(second), CODE);
        assertThat(codes.read(first).code()).contains(CODE);

        EmbeddedRedis.stopServer();
        try {
            for (Email referrer : List.of(first, second, first)) {
                long started = System.nanoTime();
                Snapshot snapshot = codes.read(referrer);
                assertThat(snapshot.code()).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                assertThatCode(() -> codes.putIfUnchanged(referrer, snapshot, CODE)).doesNotThrowAnyException();
                assertThatCode(() -> codes.evict(referrer)).doesNotThrowAnyException();
            }
            assertThatCode(() -> verdicts.put(address, EmailVerdict.of(Status.VALID, "ok"), TTL))
                    .doesNotThrowAnyException();
            assertThat(verdicts.get(address)).isEmpty();
        } finally {
            EmbeddedRedis.startServer();
        }

        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(10), () -> {
            codes.putIfUnchanged(second, codes.read(second), CODE);
            return codes.read(second).code().equals(Optional.of(CODE));
        })).as("caching works again after the restart").isTrue();
        verdicts.put(address, EmailVerdict.of(Status.VALID, "ok"), TTL);
        assertThat(verdicts.get(address)).contains(EmailVerdict.of(Status.VALID, "ok"));
        assertFailuresWereLoggedQuietlyAndWithoutAddresses(first, second, address);
    }

    @Test
    void aSlowRedisIsAMissWithinTheTimeout() {
        Email referrer = someAddress();
        codes.putIfUnchanged(referrer, codes.read(referrer), CODE);

        redis().execute("CLIENT", "PAUSE", "2000", "ALL");
        long started = System.nanoTime();
        Snapshot snapshot = codes.read(referrer);

        assertThat(snapshot.code()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aSlowRedisMakesACountedReadAMissCountedInThisProcessWithinTheTimeout() {
        Email referrer = someAddress();
        codes.putIfUnchanged(referrer, codes.read(referrer), CODE);
        Attempt attempt = new Attempt("rate:code-lookup:" + referrer.value(), Duration.ofMinutes(1), Instant.now());

        redis().execute("CLIENT", "PAUSE", "2000", "ALL");
        long started = System.nanoTime();
        CountedRead first = codes.readCounting(referrer, Optional.of(attempt)).toCompletableFuture().join();
        CountedRead second = codes.readCounting(referrer, Optional.of(attempt)).toCompletableFuture().join();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(first.snapshot().code()).isEmpty();
        assertThat(first.attempts()).map(Window::count).contains(1L);
        assertThat(second.attempts()).map(Window::count).contains(2L);
    }

    @Test
    void aRevokeWhoseEvictFailedIsNotServedFromTheEntryRedisStillHolds() {
        Email referrer = someAddress();
        String valueKey = valueKey(referrer);
        cachedThenEvictedWhileWritesStall(referrer);

        assertThat(redis().value(String.class).get(valueKey)).as("Redis still holds the code").isNotNull();
        Snapshot snapshot = codes.read(referrer);
        assertThat(snapshot.code()).isEmpty();
        codes.putIfUnchanged(referrer, snapshot, CODE);
        redis().execute("CLIENT", "UNPAUSE");
        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> redis().value(String.class).get(valueKey) == null))
                .isTrue();
        assertThat(codes.read(referrer).code()).isEmpty();
    }

    // A counted read runs on an event loop, where a blocking Redis call is refused: the retry of a failed eviction
    // it triggers must run elsewhere, or the entry would stay unevictable, and so unserved, after the outage.
    @Test
    void aCountedReadOnAnEventLoopRetriesAFailedEvictionOnceRedisAnswers() {
        Email referrer = someAddress();
        String valueKey = valueKey(referrer);
        cachedThenEvictedWhileWritesStall(referrer);
        redis().execute("CLIENT", "UNPAUSE");
        // The stalled script ran once Redis resumed; put the entry back as if it had never arrived.
        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> redis().value(String.class).get(valueKey) == null))
                .isTrue();
        redis().value(String.class).set(valueKey, CODE.code() + "|" + CODE.expiresAt());

        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> {
            onEventLoop(() -> codes.readCounting(referrer, Optional.empty()));
            return redis().value(String.class).get(valueKey) == null;
        })).as("the eviction was retried after a counted read").isTrue();
        // The retry deletes the entry first and then forgets the pending eviction, on a worker thread: until it has
        // done both, a put is still refused. Once it has, the entry is cached again.
        assertThat(RedisWaits.holdsWithin(Duration.ofSeconds(5), () -> {
            codes.putIfUnchanged(referrer, codes.read(referrer), CODE);
            return codes.read(referrer).code().filter(CODE::equals).isPresent();
        })).as("cached again once the eviction went through").isTrue();
    }

    // The entry is cached, then evicted while writes (and scripts) stall past the cache's timeout and reads are
    // still answered: the eviction fails and stays pending. Redis is left paused for writes.
    private void cachedThenEvictedWhileWritesStall(Email referrer) {
        codes.putIfUnchanged(referrer, codes.read(referrer), CODE);
        redis().execute("CLIENT", "PAUSE", "1500", "WRITE");
        codes.evict(referrer);
    }

    private static String valueKey(Email referrer) {
        return "referral:code:{" + new KeyedHashes("test-secret").of(referrer) + "}";
    }

    private void onEventLoop(Supplier<CompletionStage<CountedRead>> read) {
        CompletableFuture<CountedRead> done = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> read.get().whenComplete((counted, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            } else {
                done.complete(counted);
            }
        }));
        done.join();
    }

    private void assertFailuresWereLoggedQuietlyAndWithoutAddresses(Email... addresses) {
        List<LogRecord> failures = logged.stream()
                .filter(record -> record.getLoggerName().endsWith("FailureLog"))
                .filter(record -> !record.getMessage().contains("answers again"))
                .toList();
        assertThat(failures).isNotEmpty();
        assertThat(failures).allSatisfy(record -> assertThat(record.getLevel().intValue())
                .isLessThanOrEqualTo(Level.WARNING.intValue()));
        assertThat(failures).filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .hasSizeLessThanOrEqualTo(1);
        for (LogRecord record : logged) {
            String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            for (Email address : addresses) {
                assertThat(text).doesNotContainIgnoringCase(address.localPart());
            }
        }
    }

    private static Email someAddress() {
        return new Email("Someone." + UUID.randomUUID().toString().substring(0, 8) + "@Example.org");
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
