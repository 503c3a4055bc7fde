package org.openreferral.application.shared.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * Out-port: counters of attempts per key in fixed windows (requests per client and endpoint), shared by all
 * instances when Redis is configured. A window opens with the first attempt and
 * lasts its duration; time is the {@code now} the caller passes, so that tests can move it.
 * Implementations never throw: when the shared store fails they count in this process instead.
 */
public interface AttemptCounters {

    /** Counts one attempt and returns the window it fell into. */
    Window increment(String key, Duration window, Instant now);

    /** How many attempts the window holds and when it closes. */
    record Window(long count, Instant endsAt) {
    }
}
