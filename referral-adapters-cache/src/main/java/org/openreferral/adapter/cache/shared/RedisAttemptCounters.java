package org.openreferral.adapter.cache.shared;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.time.Instant;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

/**
 * Attempt counters in Redis, shared by every instance: {@code referral:attempts:{h}} is a hash of the
 * window's start, end (epoch millis of the callers' clock) and count, where {@code h} is the keyed hash
 * of the counter's key, so no login or address is stored. Redis expires the hash with the window. When
 * Redis fails, this instance counts on its own until Redis answers again.
 */
public final class RedisAttemptCounters implements AttemptCounters {

    // Opens a new window when there is none, or when now lies outside the stored one (also before it, so
    // that a clock set back never leaves a key stuck); otherwise counts in the open window.
    private static final String INCREMENT = """
            local now = tonumber(ARGV[1])
            local stored = redis.call('HMGET', KEYS[1], 's', 'e')
            local s = tonumber(stored[1])
            local e = tonumber(stored[2])
            if (not s) or (not e) or now < s or now >= e then
              redis.call('DEL', KEYS[1])
              redis.call('HSET', KEYS[1], 's', ARGV[1], 'e', ARGV[2], 'n', '1')
              redis.call('PEXPIRE', KEYS[1], ARGV[3])
              return {'1', ARGV[2]}
            end
            local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
            return {tostring(n), stored[2]}
            """;

    private final RedisCalls redis;
    private final KeyedHashes keys;
    private final InMemoryAttemptCounters fallback;

    RedisAttemptCounters(RedisCalls redis, KeyedHashes keys, InMemoryAttemptCounters fallback) {
        this.redis = redis;
        this.keys = keys;
        this.fallback = fallback;
    }

    @Override
    public Window increment(String key, Duration window, Instant now) {
        Window counted = redis.execute("attempt count", null, RedisAttemptCounters::window, Command.EVAL,
                incrementArguments(key, window, now));
        return counted != null ? counted : fallback.increment(key, window, now);
    }

    /** The command {@link #increment} sends, for a caller that sends it in its own pipeline. */
    public Request incrementRequest(String key, Duration window, Instant now) {
        Request request = Request.cmd(Command.EVAL);
        for (String argument : incrementArguments(key, window, now)) {
            request.arg(argument);
        }
        return request;
    }

    /** The window in the reply to {@link #incrementRequest}. */
    public Window counted(Response reply) {
        return window(reply);
    }

    /** What {@link #increment} falls back to when Redis fails: this instance's own count. */
    public Window countInProcess(String key, Duration window, Instant now) {
        return fallback.increment(key, window, now);
    }

    private String[] incrementArguments(String key, Duration window, Instant now) {
        long at = now.toEpochMilli();
        return new String[] {INCREMENT, "1", redisKey(key), Long.toString(at), Long.toString(at + window.toMillis()),
            Long.toString(window.toMillis())};
    }

    private String redisKey(String key) {
        return "referral:attempts:{" + keys.of(key) + "}";
    }

    private static Window window(Response reply) {
        return new Window(Long.parseLong(reply.get(0).toString()), Instant.ofEpochMilli(Long.parseLong(reply.get(1).toString())));
    }
}
