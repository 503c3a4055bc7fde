package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One idempotency key as stored: the digest of its scope, the digest of the request body that claimed it, the claim
 * (whose request runs, or ran), until when that claim holds while in flight, the kept answer once complete, and
 * when the entry expires.
 */
public record IdempotencyEntry(String scopeDigest, String requestDigest, UUID claimId, State state,
                               Instant lockedUntil, Optional<KeptAnswer> answer, Instant createdAt,
                               Instant expiresAt) {

    /** In flight: its request runs. Complete: its answer is kept. */
    public enum State { IN_FLIGHT, COMPLETE }

    public IdempotencyEntry {
        Objects.requireNonNull(scopeDigest, "scopeDigest");
        Objects.requireNonNull(requestDigest, "requestDigest");
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lockedUntil, "lockedUntil");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (state == State.COMPLETE && answer.isEmpty()) {
            throw new IllegalArgumentException("a complete entry keeps its answer");
        }
    }

    /** A new claim of a key, in flight. */
    public static IdempotencyEntry claim(String scopeDigest, String requestDigest, UUID claimId, Instant now,
                                         Instant lockedUntil, Instant expiresAt) {
        return new IdempotencyEntry(scopeDigest, requestDigest, claimId, State.IN_FLIGHT, lockedUntil,
                Optional.empty(), now, expiresAt);
    }
}
