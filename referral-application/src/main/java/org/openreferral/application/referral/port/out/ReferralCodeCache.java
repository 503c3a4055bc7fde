package org.openreferral.application.referral.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;
import org.openreferral.domain.model.user.Email;

/**
 * Out-port: a cache of the public lookup (referrer email -> active code) that can never hand out a code
 * after its eviction. Readers take a {@link Snapshot} before they read the database and store the answer
 * only through {@link #putIfUnchanged}, which does nothing if the entry was evicted in between. How long an
 * answer is kept is the cache's own setting, and never past the code's expiry.
 * Implementations never throw: a failing cache reads as a miss and ignores writes.
 * <p>
 * The public lookup reads through {@link #readCounting}, which also counts the caller's request against its
 * rate limit in the same round trip to a shared cache and never blocks the calling thread, so that a cached
 * answer costs one round trip and no waiting thread; the other operations may block for the cache's timeout.
 */
public interface ReferralCodeCache {

    /** The cached answer, if any, and the generation to hand back to {@link #putIfUnchanged}. */
    Snapshot read(Email referrer);

    /**
     * {@link #read} and, when {@code attempt} is present, one attempt counted as
     * {@link org.openreferral.application.shared.ratelimit.AttemptCounters#increment} would, both in one round
     * trip. Completes on whatever thread the cache answers on, without blocking the caller, and never
     * exceptionally: a failing cache reads as a miss and counts in this process.
     */
    CompletionStage<CountedRead> readCounting(Email referrer, Optional<Attempt> attempt);

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

    /** One attempt to count on {@code key}, in a window of {@code window} opened at {@code now} if none is open. */
    record Attempt(String key, Duration window, Instant now) {

        public Attempt {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(now, "now");
        }
    }

    /** A read and, when an attempt was counted, the window it fell into. */
    record CountedRead(Snapshot snapshot, Optional<Window> attempts) {
    }
}
