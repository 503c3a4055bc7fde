package org.openreferral.application.referral.port.out;

import java.time.Instant;
import java.util.Optional;
import org.openreferral.domain.model.user.Email;

/**
 * Out-port: a cache of the public lookup (referrer email -> active code) that can never hand out a code
 * after its eviction. Readers take a {@link Snapshot} before they read the database and store the answer
 * only through {@link #putIfUnchanged}, which does nothing if the entry was evicted in between. How long an
 * answer is kept is the cache's own setting, and never past the code's expiry.
 * Implementations never throw: a failing cache reads as a miss and ignores writes.
 */
public interface ReferralCodeCache {

    /** The cached answer, if any, and the generation to hand back to {@link #putIfUnchanged}. */
    Snapshot read(Email referrer);

    /**
     * Stores the answer unless the entry has been evicted since {@code snapshot} was read; a code that has
     * already expired is not stored, and no entry outlives its code's {@link CachedCode#expiresAt()}.
     */
    void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code);

    /** Drops the entry and makes every snapshot taken so far stale. */
    void evict(Email referrer);

    /** A referrer's active code as cached. */
    record CachedCode(String code, Instant expiresAt) {
    }

    /** What a read saw: maybe a code, and the entry's generation. */
    record Snapshot(Optional<CachedCode> code, String generation) {

        public static Snapshot miss(String generation) {
            return new Snapshot(Optional.empty(), generation);
        }
    }
}
