package org.openreferral.adapter.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.openreferral.application.port.out.ReferralCodeCache;
import org.openreferral.domain.model.user.Email;

/**
 * The lookup cache in this process: a bounded Caffeine map from the keyed hash of the address to the
 * cached code and the entry's generation, changed only inside atomic per-key {@code compute} calls.
 */
final class InMemoryReferralCodeCache implements ReferralCodeCache {

    /** An entry: its generation (0 = never evicted), maybe a code, and when that code stops being served. */
    private record Entry(long generation, CachedCode code, long deadline) {
    }

    private final EmailKeys keys;
    private final Ticker ticker;
    private final Duration generationTtl;
    private final long maxSnapshotAgeNanos;
    private final Cache<String, Entry> entries;
    /** Generations are unique across all keys, so a re-created entry never repeats an old one. */
    private final AtomicLong generations = new AtomicLong();
    /**
     * Counts entries with a generation that the cache dropped (size bound, expiry). Once that happens a
     * missing entry no longer proves that nothing was evicted, so puts against absent entries whose
     * snapshot predates the drop are refused.
     */
    private final AtomicLong droppedGenerations = new AtomicLong();

    /** Tombstones of evicted entries live {@code generationTtl}; snapshots older than half of it are refused. */
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

    /** The stored keys, for tests that check no address leaks into them. */
    Set<String> keys() {
        return Set.copyOf(entries.asMap().keySet());
    }

    /** Runs pending size and expiry evictions now, for tests. */
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
