package org.openreferral.adapter.cache.shared;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs Redis commands with a deadline, one at a time (blocking) or several in one round trip (not blocking); a
 * failure of any kind becomes the caller's fallback value.
 */
public final class RedisCalls {

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;
    private final FailureLog failures;

    RedisCalls(ReactiveRedisDataSource redis, Duration timeout, FailureLog failures) {
        this.redis = redis;
        this.timeout = timeout;
        this.failures = failures;
    }

    // Blocks for at most the timeout, so callers run on worker or virtual threads; on the event loop the
    // wait is refused and the call simply reads as a failure.
    public <T> T execute(String operation, T fallback, Function<Response, T> onReply, Command command, String... args) {
        try {
            Response reply = redis.execute(command, args).await().atMost(timeout);
            T result = onReply.apply(reply);
            failures.succeeded();
            return result;
        } catch (RuntimeException e) {
            failures.failed(operation, e);
            return fallback;
        }
    }

    /**
     * Sends the requests in one round trip (a pipeline, not a transaction) and completes with their replies
     * read by {@code onReply}, or with {@code fallback} after a failure of any kind or the timeout. Never
     * blocks and never completes exceptionally; completes on the Redis client's event loop.
     */
    public <T> CompletionStage<T> pipeline(String operation, Supplier<T> fallback, Function<List<Response>, T> onReply,
                                           List<Request> requests) {
        return redis.getRedis().batch(requests)
                .ifNoItem().after(timeout).fail()
                .map(onReply)
                .onItem().invoke(failures::succeeded)
                .onFailure().recoverWithItem(e -> {
                    failures.failed(operation, e);
                    return fallback.get();
                })
                .subscribeAsCompletionStage();
    }
}
