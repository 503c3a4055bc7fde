package org.openreferral.adapter.cache.referral;

import java.time.Duration;
import java.time.Instant;

/**
 * The lookup cache's lifetimes, all derived from {@code referral.cache.lookup-ttl}: how long an entry lives,
 * how long the generation left by an eviction lives, and how long a snapshot may be used for a put.
 */
record LookupLifetimes(Duration lookupTtl) {

    /** An entry lives the lookup ttl at most, and never past its code's expiry (zero or less: not stored). */
    Duration entry(Instant now, Instant expiresAt) {
        Duration untilExpiry = Duration.between(now, expiresAt);
        return untilExpiry.compareTo(lookupTtl) < 0 ? untilExpiry : lookupTtl;
    }

    /** How long the generation left by an evict lives: longer than any entry and any accepted snapshot. */
    Duration generation() {
        return lookupTtl.multipliedBy(2).plusMinutes(1);
    }

    // Snapshots older than half of the generation's lifetime are refused, so an expired generation can
    // never make a stale snapshot look unchanged.
    Duration maxSnapshotAge() {
        return generation().dividedBy(2);
    }
}
