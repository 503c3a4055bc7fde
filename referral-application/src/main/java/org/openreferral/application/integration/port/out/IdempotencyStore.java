package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Out-port: the idempotency keys, one entry per scope digest. Claims are decided by the store (a unique key), so of
 * several requests that claim one key at once exactly one succeeds.
 */
public interface IdempotencyStore {

    /** Stores {@code claim} unless an entry with its scope digest exists; whether it was stored. */
    boolean claim(IdempotencyEntry claim);

    /**
     * Replaces the entry with {@code claim}'s scope digest by {@code claim} if that entry is in flight with its lock
     * run out, or expired, at {@code now}; whether it was replaced.
     */
    boolean takeOver(IdempotencyEntry claim, Instant now);

    Optional<IdempotencyEntry> find(String scopeDigest);

    /** Completes the in-flight entry of claim {@code claimId} with its answer, kept until {@code expiresAt}. */
    boolean complete(String scopeDigest, UUID claimId, KeptAnswer answer, Instant expiresAt);

    /** Removes the entry of claim {@code claimId}, so that the key may run again; whether there was one. */
    boolean release(String scopeDigest, UUID claimId);

    /** Removes every entry expired at {@code now} whose lock has run out too; how many. */
    int purgeExpired(Instant now);
}
