package org.openreferral.application.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.openreferral.application.shared.error.TooManyRequestsException;

/**
 * Per-client request budgets of the public endpoints, counted in fixed windows. A request over budget is
 * refused with the time until the window closes. Actions without a configured limit are not counted.
 */
public final class CheckRateLimitService implements CheckRateLimitUseCase {

    /** At most {@code requests} per {@code window} and client. */
    public record Limit(int requests, Duration window) {

        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least one request");
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit window must be positive");
            }
        }
    }

    private static final int MAX_CLIENT_LENGTH = 100;

    private final AttemptCounters counters;
    private final Map<RateLimitedAction, Limit> limits;
    private final Clock clock;

    public CheckRateLimitService(AttemptCounters counters, Map<RateLimitedAction, Limit> limits, Clock clock) {
        this.counters = counters;
        this.limits = limits.isEmpty() ? Map.of() : new EnumMap<>(limits);
        this.clock = clock;
    }

    @Override
    public void check(CheckRateLimitCommand command) {
        Limit limit = limits.get(command.action());
        if (limit == null) {
            return;
        }
        String client = command.client() == null || command.client().isBlank() ? "unknown" : command.client();
        if (client.length() > MAX_CLIENT_LENGTH) {
            client = client.substring(0, MAX_CLIENT_LENGTH);
        }
        Instant now = clock.instant();
        AttemptCounters.Window window = counters.increment(
                "rate:" + command.action().slug() + ":" + client, limit.window(), now);
        if (window.count() > limit.requests()) {
            Duration untilReset = Duration.between(now, window.endsAt());
            // Whole seconds, rounded up, at least one: what Retry-After can say.
            long seconds = Math.max(1, (untilReset.toMillis() + 999) / 1000);
            throw new TooManyRequestsException(Duration.ofSeconds(Math.min(seconds, limit.window().toSeconds() + 1)));
        }
    }
}
