package org.openreferral.application.shared.error;

import java.time.Duration;
import java.util.Objects;
import org.openreferral.domain.error.ReferralException;

/** A client spent its request budget for an endpoint; it may try again after {@link #retryAfter()}. */
public final class TooManyRequestsException extends ReferralException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super("rate-limited", "Too many requests; please slow down and retry later.");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the client should wait before it retries. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
