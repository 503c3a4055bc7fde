package org.openreferral.application.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.application.shared.ratelimit.CheckRateLimitService.Limit;
import org.openreferral.application.shared.ratelimit.CheckRateLimitUseCase.RateLimitedAction;

/**
 * The per-client budgets of the public endpoints: which actions are limited, the counter a client's requests
 * count on, and the verdict on a counted window. {@link CheckRateLimitService} applies it with one counter
 * call; the public lookup applies it to the count its cache read brings back in the same round trip.
 */
public final class RateLimitPolicy {

    private static final int MAX_CLIENT_LENGTH = 100;

    private final Map<RateLimitedAction, Limit> limits;

    public RateLimitPolicy(Map<RateLimitedAction, Limit> limits) {
        this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
    }

    /** The action's limit; empty when the action is not counted. */
    public Optional<Limit> limit(RateLimitedAction action) {
        return Optional.ofNullable(limits.get(action));
    }

    /** The counter of one client's requests for the action; an unknown or over-long client is cut to size. */
    public static String counterKey(RateLimitedAction action, String client) {
        String who = client == null || client.isBlank() ? "unknown" : client;
        if (who.length() > MAX_CLIENT_LENGTH) {
            who = who.substring(0, MAX_CLIENT_LENGTH);
        }
        return "rate:" + action.slug() + ":" + who;
    }

    /** Refuses the request that made {@code counted} when the window holds more than the limit allows. */
    public static void enforce(Limit limit, AttemptCounters.Window counted, Instant now) {
        if (counted.count() <= limit.requests()) {
            return;
        }
        Duration untilReset = Duration.between(now, counted.endsAt());
        // Whole seconds, rounded up, at least one: what Retry-After can say.
        long seconds = Math.max(1, (untilReset.toMillis() + 999) / 1000);
        throw new TooManyRequestsException(Duration.ofSeconds(Math.min(seconds, limit.window().toSeconds() + 1)));
    }
}
