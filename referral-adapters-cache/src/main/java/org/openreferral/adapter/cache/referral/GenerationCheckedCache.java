package org.openreferral.adapter.cache.referral;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.openreferral.adapter.cache.shared.KeyedHashes;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/**
 * The lookup cache's fill/evict protocol, the same over every store: a snapshot carries the entry's
 * generation and when it was read; a put goes to the store only while its snapshot is fresh and the code
 * has not expired, for the entry's lifetime, and the store writes it only under an unchanged generation.
 */
final class GenerationCheckedCache implements ReferralCodeCache {

    // Handed out when the store could not be read: a snapshot that no put accepts.
    private static final String UNKNOWN = "unknown";

    private final ReferralCodeStore store;
    private final KeyedHashes keys;
    private final LookupLifetimes lifetimes;
    private final long maxSnapshotAgeNanos;
    private final Clock clock;
    private final Ticker ticker;

    // The clock measures a code's expiry (wall time, as the code's expiresAt); the ticker a snapshot's age.
    GenerationCheckedCache(ReferralCodeStore store, KeyedHashes keys, LookupLifetimes lifetimes, Clock clock,
                           Ticker ticker) {
        this.store = store;
        this.keys = keys;
        this.lifetimes = lifetimes;
        this.maxSnapshotAgeNanos = lifetimes.maxSnapshotAge().toNanos();
        this.clock = clock;
        this.ticker = ticker;
    }

    @Override
    public Snapshot read(Email referrer) {
        long readAt = ticker.read();
        return snapshot(store.read(keys.of(referrer)), readAt);
    }

    @Override
    public CompletionStage<CountedRead> readCounting(Email referrer, Optional<Attempt> attempt) {
        long readAt = ticker.read();
        return store.readCounting(keys.of(referrer), attempt)
                .thenApply(counted -> new CountedRead(snapshot(counted.stored(), readAt), counted.attempts()));
    }

    private static Snapshot snapshot(ReferralCodeStore.Stored stored, long readAt) {
        if (stored.generation() == null) {
            return Snapshot.miss(UNKNOWN);
        }
        return new Snapshot(stored.code(), stored.generation() + "@" + readAt);
    }

    @Override
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code) {
        if (snapshot == null || code == null || code.expiresAt() == null) {
            return;
        }
        Duration ttl = lifetimes.entry(clock.instant(), code.expiresAt());
        String generation = generationIfFresh(snapshot.generation());
        if (ttl.toMillis() <= 0 || generation == null) {
            return;
        }
        store.putIfGeneration(keys.of(referrer), generation, code, ttl);
    }

    @Override
    public void evict(Email referrer) {
        store.evict(keys.of(referrer));
    }

    // The generation a snapshot saw, or null when the snapshot is foreign, unknown or too old to trust.
    private String generationIfFresh(String token) {
        if (token == null) {
            return null;
        }
        int at = token.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        try {
            long age = ticker.read() - Long.parseLong(token.substring(at + 1));
            return age >= 0 && age <= maxSnapshotAgeNanos ? token.substring(0, at) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
