package org.openreferral.domain.model.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openreferral.domain.error.InvalidValueException;

/**
 * How long to wait after a failed attempt before the next: the n-th delay follows the n-th failed attempt, spread
 * by up to {@value #JITTER_PERCENT}% either way so that receivers that fail together are not retried together.
 * After as many failures as there are delays there is no next attempt.
 */
public record RetrySchedule(List<Duration> delays) {

    public static final int JITTER_PERCENT = 20;

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(delay -> delay.isNegative() || delay.isZero())) {
            throw new InvalidValueException("retry schedule", "must hold positive durations only");
        }
    }

    /**
     * The wait after failed attempt number {@code attempt} (1 for the first), with {@code jitter} in [-1, 1]
     * scaling the spread; none after the last attempt.
     */
    public Optional<Duration> delayAfter(int attempt, double jitter) {
        if (attempt < 1 || attempt > delays.size()) {
            return Optional.empty();
        }
        double factor = 1 + Math.max(-1, Math.min(1, jitter)) * JITTER_PERCENT / 100.0;
        Duration base = delays.get(attempt - 1);
        return Optional.of(Duration.ofNanos(Math.round(base.toNanos() * factor)));
    }

    /** How many attempts a delivery gets at most. */
    public int maxAttempts() {
        return delays.size() + 1;
    }
}
