package org.openreferral.adapter.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openreferral.application.referral.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/** The lookup cache in this process: a bounded Caffeine map, each entry changed atomically with its generation. */
final class InMemoryReferralCodeCache implements ReferralCodeCache {

    // generation 0 = never evicted; code null = a tombstone left by evict; deadline in ticker nanos.
    private record Entry(long generation, CachedCode code, long deadline) {
    }

    private final EmailKeys keys;
    private final Ticker ticker;
    private final Duration generationTtl;
    private final long maxSnapshotAgeNanos;
    private final Cache<String, Entry> entries;
    // Unique across all keys, so an entry re-created after being dropped never repeats an old generation.
    private final AtomicLong generations = new AtomicLong();
    // Counts dropped entries (size bound, expiry) that carried a generation. After such a drop a missing
    // entry no longer proves that nothing was evicted, so a put on an absent entry whose snapshot predates
    // the drop is refused.
    private final AtomicLong droppedGenerations = new AtomicLong();

    // Tombstones live generationTtl; snapshots older than half of it are refused, so an expired tombstone
    // can never make a stale snapshot look unchanged.
    InMemoryReferralCodeCache(EmailKeys keys, long maxEntries, Duration generationTtl, Ticker ticker) {
        this.keys = keys;
        this.ticker = ticker;
        this.generationTtl = generationTtl;
        this.maxSnapshotAgeNanos = generationTtl.dividedBy(2).toNanos();
        // Size bound plus a fixed expire-after-write: a Caffeine shape whose classes Quarkus registers for
        // native images; each code's own, shorter lifetime is enforced through Entry.deadline.
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(generationTtl)
                .ticker(ticker)
                .<String, Entry>evictionListener((key, entry, cause) -> {
                    if (entry != null && entry.generation() > 0) {
                        droppedGenerations.incrementAndGet();
                    }
                })
                .build();
    }

    @Override
    public Snapshot read(Email referrer) {
        long dropped = droppedGenerations.get();
        Entry entry = entries.getIfPresent(keys.of(referrer));
        long now = ticker.read();
        long generation = entry == null ? 0 : entry.generation();
        String token = generation + ":" + dropped + ":" + now;
        if (entry == null || entry.code() == null || now - entry.deadline() >= 0) {
            return Snapshot.miss(token);
        }
        return new Snapshot(Optional.of(entry.code()), token);
    }

    @Override
    public void putIfUnchanged(Email referrer, Snapshot snapshot, CachedCode code, Duration ttl) {
        if (snapshot == null || code == null || ttl == null || ttl.isNegative() || ttl.isZero()) {
            return;
        }
        long[] seen = parse(snapshot.generation());
        long now = ticker.read();
        if (seen == null || now - seen[2] > maxSnapshotAgeNanos) {
            return;
        }
        long deadline = now + (ttl.compareTo(generationTtl) > 0 ? generationTtl : ttl).toNanos();
        entries.asMap().compute(keys.of(referrer), (key, current) -> {
            if (current == null) {
                boolean untouched = seen[0] == 0 && seen[1] == droppedGenerations.get();
                return untouched ? new Entry(0, code, deadline) : null;
            }
            return current.generation() == seen[0] ? new Entry(current.generation(), code, deadline) : current;
        });
    }

    @Override
    public void evict(Email referrer) {
        entries.asMap().compute(keys.of(referrer),
                (key, current) -> new Entry(generations.incrementAndGet(), null, ticker.read()));
    }

    Set<String> keys() {
        return Set.copyOf(entries.asMap().keySet());
    }

    void cleanUp() {
        entries.cleanUp();
    }

    private static long[] parse(String token) {
        if (token == null) {
            return null;
        }
        String[] parts = token.split(":", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
