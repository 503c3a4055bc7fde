package org.openreferral.adapter.cache.account;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.openreferral.adapter.cache.shared.RedisCalls;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

/**
 * The deny-list in Redis, shared by every instance: {@code referral:denied:<entry>} with the entry's ttl
 * (entries are random token and session ids, nothing personal). Every denial is also kept in this process, so a
 * logout handled here holds here whatever Redis does. Redis is only a cache of the revoked sessions in the database,
 * so the list says {@code UNKNOWN} (the database decides) whenever it may be wrong: Redis failed or was too slow; a
 * write failed here (until the list was refilled); or the {@value #COMPLETE} marker, written by the last refill, is
 * gone, i.e. Redis lost its content (a restart without persistence, a failover to an empty replica, eviction). The
 * marker is read in the same {@code MGET} as the entries: one round trip per request.
 */
final class RedisAccessTokenDenyList implements AccessTokenDenyList {

    static final String COMPLETE = "referral:deny-list:complete";
    // While Redis stays away, at most one refill attempt (and its failed write) per period, not one per request.
    private static final long REFILL_RETRY_NANOS = Duration.ofSeconds(1).toNanos();

    private final RedisCalls redis;
    private final InMemoryAccessTokenDenyList local;
    // Every event that may have cost Redis a denial is counted; the list answers alone only when a refill that
    // started after the last of them succeeded. Counting (not a flag) keeps a loss during a refill from being
    // cleared by that refill.
    private final AtomicLong losses = new AtomicLong();
    private final AtomicLong refilledUpTo = new AtomicLong();
    private final AtomicBoolean refilling = new AtomicBoolean();
    private volatile long lastFailedRefill = System.nanoTime() - REFILL_RETRY_NANOS;

    RedisAccessTokenDenyList(RedisCalls redis, InMemoryAccessTokenDenyList local) {
        this.redis = redis;
        this.local = local;
    }

    @Override
    public void deny(String entry, Duration ttl) {
        local.deny(entry, ttl);
        if (!store(entry, ttl)) {
            losses.incrementAndGet();
        }
    }

    @Override
    public Verdict check(List<String> entries) {
        if (entries.isEmpty()) {
            return Verdict.NOT_DENIED;
        }
        if (local.isAnyDenied(entries)) {
            return Verdict.DENIED;
        }
        if (isIncomplete()) {
            return Verdict.UNKNOWN;
        }
        List<String> keys = new ArrayList<>(entries.size() + 1);
        keys.add(COMPLETE);
        entries.forEach(entry -> keys.add(key(entry)));
        Response values = redis.execute("deny-list read", null, reply -> reply, Command.MGET,
                keys.toArray(String[]::new));
        if (values == null || isNil(values.get(0))) {
            losses.incrementAndGet();
            return Verdict.UNKNOWN;
        }
        for (int i = 1; i < values.size(); i++) {
            if (!isNil(values.get(i))) {
                return Verdict.DENIED;
            }
        }
        return Verdict.NOT_DENIED;
    }

    @Override
    public void refillIfDue(Supplier<Map<String, Duration>> unexpired) {
        if (!isIncomplete() || System.nanoTime() - lastFailedRefill < REFILL_RETRY_NANOS
                || !refilling.compareAndSet(false, true)) {
            return;
        }
        try {
            long upTo = losses.get();
            // Read after upTo: a denial lost from here on counts as a new loss, one lost before is in the database.
            for (Map.Entry<String, Duration> denial : unexpired.get().entrySet()) {
                if (!store(denial.getKey(), denial.getValue())) {
                    lastFailedRefill = System.nanoTime();
                    return;
                }
            }
            if (!Boolean.TRUE.equals(redis.execute("deny-list refill", false, reply -> true, Command.SET, COMPLETE,
                    "1"))) {
                lastFailedRefill = System.nanoTime();
                return;
            }
            refilledUpTo.accumulateAndGet(upTo, Math::max);
        } finally {
            refilling.set(false);
        }
    }

    private boolean isIncomplete() {
        return refilledUpTo.get() < losses.get();
    }

    private boolean store(String entry, Duration ttl) {
        return Boolean.TRUE.equals(redis.execute("deny-list write", false, reply -> true, Command.SET, key(entry), "1",
                "PX", Long.toString(Math.max(1, ttl.toMillis()))));
    }

    // Vert.x hands a nil bulk string of a multi-bulk reply over as null.
    private static boolean isNil(Response value) {
        return value == null;
    }

    static String key(String entry) {
        return "referral:denied:" + entry;
    }
}
