package org.openreferral.adapter.cache.shared;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;
import java.time.Duration;
import java.util.function.Function;

/** Runs one Redis command with a deadline; a failure of any kind becomes the caller's fallback value. */
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
}
