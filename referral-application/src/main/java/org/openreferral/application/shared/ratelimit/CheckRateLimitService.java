package org.openreferral.application.shared.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-client request budgets of the public endpoints ({@link RateLimitPolicy}), counted in fixed windows. A
 * request over budget is refused with the time until the window closes. Actions without a limit are not counted.
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

    private final AttemptCounters counters;
    private final RateLimitPolicy policy;
    private final Clock clock;

    public CheckRateLimitService(AttemptCounters counters, RateLimitPolicy policy, Clock clock) {
        this.counters = counters;
        this.policy = policy;
        this.clock = clock;
    }

    public CheckRateLimitService(AttemptCounters counters, Map<RateLimitedAction, Limit> limits, Clock clock) {
        this(counters, new RateLimitPolicy(limits), clock);
    }

    @Override
    public void check(CheckRateLimitCommand command) {
        Optional<Limit> limit = policy.limit(command.action());
        if (limit.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String key = RateLimitPolicy.counterKey(command.action(), command.client());
        RateLimitPolicy.enforce(limit.get(), counters.increment(key, limit.get().window(), now), now);
    }
}
