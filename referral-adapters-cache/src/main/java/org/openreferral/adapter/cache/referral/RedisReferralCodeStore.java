package org.openreferral.adapter.cache.referral;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openreferral.adapter.cache.shared.RedisAttemptCounters;
import org.openreferral.adapter.cache.shared.RedisCalls;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.CodeValue;

/** The lookup cache's entries in Redis: {@code referral:code:{h}} and its generation {@code referral:code-gen:{h}}. */
final class RedisReferralCodeStore implements ReferralCodeStore {

    // The generation of an entry never evicted, or whose generation key has expired.
    private static final String NO_GENERATION = "-";
    private static final int MAX_PENDING_EVICTIONS = 10_000;
    private static final long PENDING_RETRY_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private static final String PUT_IF_UNCHANGED = """
            local generation = redis.call('GET', KEYS[2]) or '-'
            if generation ~= ARGV[1] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;

    // SET rather than INCR: a random token never repeats, even after the generation key expired or Redis
    // lost its data, and SET also repairs a generation key that holds garbage.
    private static final String EVICT = """
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private final RedisCalls redis;
    private final RedisAttemptCounters counters;
    private final String generationTtlMillis;
    private final Executor blockingCalls;
    // Evictions that failed (Redis down or slow) are retried by later reads, at most once a second (a counted read
    // hands the retry to a worker thread), and until one succeeds the entry is neither served nor stored by this
    // instance: a revoke must not be undone by an outage.
    private final Set<String> pendingEvictions = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextPendingRetry = new AtomicLong(System.nanoTime());

    // blockingCalls runs the pending evictions' retry for a counted read, which runs on an event loop that must
    // not wait for Redis.
    RedisReferralCodeStore(RedisCalls redis, RedisAttemptCounters counters, Duration generationTtl,
                           Executor blockingCalls) {
        this.redis = redis;
        this.counters = counters;
        this.generationTtlMillis = Long.toString(generationTtl.toMillis());
        this.blockingCalls = blockingCalls;
    }

    @Override
    public Stored read(String hash) {
        if (pendingRetryDue()) {
            retryPendingEvictions();
        }
        if (pendingEvictions.contains(hash)) {
            return Stored.UNKNOWN;
        }
        return redis.execute("read", Stored.UNKNOWN, RedisReferralCodeStore::stored,
                Command.MGET, valueKey(hash), generationKey(hash));
    }

    // The counter's script and the entry's MGET in one pipeline: one round trip, even in a Redis Cluster, where
    // the two keys may live on different nodes and a single script could not touch both.
    @Override
    public CompletionStage<CountedStored> readCounting(String hash, Optional<Attempt> attempt) {
        if (pendingRetryDue()) {
            blockingCalls.execute(this::retryPendingEvictions);
        }
        boolean pending = pendingEvictions.contains(hash);
        List<Request> requests = new ArrayList<>(2);
        attempt.ifPresent(a -> requests.add(counters.incrementRequest(a.key(), a.window(), a.now())));
        if (!pending) {
            requests.add(Request.cmd(Command.MGET).arg(valueKey(hash)).arg(generationKey(hash)));
        }
        if (requests.isEmpty()) {
            return CompletableFuture.completedFuture(new CountedStored(Stored.UNKNOWN, Optional.empty()));
        }
        Supplier<CountedStored> outage = () -> new CountedStored(Stored.UNKNOWN,
                attempt.map(a -> counters.countInProcess(a.key(), a.window(), a.now())));
        return redis.pipeline("counted read", outage, replies -> new CountedStored(
                pending ? Stored.UNKNOWN : stored(replies.get(replies.size() - 1)),
                attempt.map(a -> counters.counted(replies.get(0)))), requests);
    }

    @Override
    public void putIfGeneration(String hash, String generation, CachedCode code, Duration ttl) {
        if (pendingEvictions.contains(hash)) {
            return;
        }
        redis.execute("put", null, reply -> null, Command.EVAL, PUT_IF_UNCHANGED, "2",
                valueKey(hash), generationKey(hash), generation, encode(code), Long.toString(ttl.toMillis()));
    }

    @Override
    public void evict(String hash) {
        if (evictNow(hash)) {
            pendingEvictions.remove(hash);
        } else if (pendingEvictions.size() < MAX_PENDING_EVICTIONS) {
            pendingEvictions.add(hash);
        }
    }

    private boolean evictNow(String hash) {
        String generation = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return redis.execute("evict", false, reply -> true, Command.EVAL, EVICT, "2",
                valueKey(hash), generationKey(hash), generation, generationTtlMillis);
    }

    // True for one caller at most once per interval, while evictions are pending: that caller retries them.
    private boolean pendingRetryDue() {
        if (pendingEvictions.isEmpty()) {
            return false;
        }
        long now = System.nanoTime();
        long due = nextPendingRetry.get();
        return now - due >= 0 && nextPendingRetry.compareAndSet(due, now + PENDING_RETRY_INTERVAL_NANOS);
    }

    private void retryPendingEvictions() {
        for (String hash : pendingEvictions) {
            if (!evictNow(hash)) {
                return;
            }
            pendingEvictions.remove(hash);
        }
    }

    private static Stored stored(Response reply) {
        Response value = reply.get(0);
        Response generation = reply.get(1);
        return new Stored(value == null ? Optional.empty() : decode(value.toString()),
                generation == null ? NO_GENERATION : generation.toString());
    }

    private static String valueKey(String hash) {
        // The braces are a Redis Cluster hash tag: both keys of an entry land in one slot, as the scripts need.
        return "referral:code:{" + hash + "}";
    }

    private static String generationKey(String hash) {
        return "referral:code-gen:{" + hash + "}";
    }

    // ISO-8601 rather than epoch millis, so that a cached answer keeps the exact (microsecond) expiry.
    static String encode(CachedCode code) {
        return code.code() + "|" + code.expiresAt();
    }

    static Optional<CachedCode> decode(String raw) {
        int bar = raw.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        try {
            String code = new CodeValue(raw.substring(0, bar)).value();
            return Optional.of(new CachedCode(code, Instant.parse(raw.substring(bar + 1))));
        } catch (InvalidValueException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
