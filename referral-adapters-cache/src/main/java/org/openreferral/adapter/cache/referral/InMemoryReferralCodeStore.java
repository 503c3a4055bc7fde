package org.openreferral.adapter.cache.referral;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.openreferral.application.referral.port.out.ReferralCodeCache.Attempt;
import org.openreferral.application.referral.port.out.ReferralCodeCache.CachedCode;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.application.shared.ratelimit.AttemptCounters.Window;

/**
 * The lookup cache's entries in this process: a bounded Caffeine map, each entry changed with its generation. A
 * counted read counts on this process's attempt counters.
 */
final class InMemoryReferralCodeStore implements ReferralCodeStore {

    // generation 0 = never evicted; code null = a tombstone left by evict; deadline in ticker nanos.
    private record Entry(long generation, CachedCode code, long deadline) {
    }

    private final Ticker ticker;
    private final AttemptCounters counters;
    private final Cache<String, Entry> entries;
    // Unique across all keys, so an entry re-created after being dropped never repeats an old generation.
    private final AtomicLong generations = new AtomicLong();
    // Counts dropped entries (size bound, expiry) that carried a generation. After such a drop a missing
    // entry no longer proves that nothing was evicted, so a put on an absent entry whose read predates
    // the drop is refused.
    private final AtomicLong droppedGenerations = new AtomicLong();

    // Tombstones live generationTtl, which the snapshots' age limit relies on.
    InMemoryReferralCodeStore(long maxEntries, Duration generationTtl, Ticker ticker, AttemptCounters counters) {
        this.ticker = ticker;
        this.counters = counters;
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

    // The generation handed out is "<entry generation>:<drops so far>".
    @Override
    public Stored read(String key) {
        long dropped = droppedGenerations.get();
        Entry entry = entries.getIfPresent(key);
        String generation = (entry == null ? 0 : entry.generation()) + ":" + dropped;
        if (entry == null || entry.code() == null || ticker.read() - entry.deadline() >= 0) {
            return new Stored(Optional.empty(), generation);
        }
        return new Stored(Optional.of(entry.code()), generation);
    }

    @Override
    public CompletionStage<CountedStored> readCounting(String key, Optional<Attempt> attempt) {
        Optional<Window> counted = attempt.map(a -> counters.increment(a.key(), a.window(), a.now()));
        return CompletableFuture.completedFuture(new CountedStored(read(key), counted));
    }

    @Override
    public void putIfGeneration(String key, String generation, CachedCode code, Duration ttl) {
        long[] seen = parse(generation);
        if (seen == null) {
            return;
        }
        long deadline = ticker.read() + ttl.toNanos();
        entries.asMap().compute(key, (k, current) -> {
            if (current == null) {
                boolean untouched = seen[0] == 0 && seen[1] == droppedGenerations.get();
                return untouched ? new Entry(0, code, deadline) : null;
            }
            return current.generation() == seen[0] ? new Entry(current.generation(), code, deadline) : current;
        });
    }

    @Override
    public void evict(String key) {
        entries.asMap().compute(key, (k, current) -> new Entry(generations.incrementAndGet(), null, ticker.read()));
    }

    Set<String> keys() {
        return Set.copyOf(entries.asMap().keySet());
    }

    void cleanUp() {
        entries.cleanUp();
    }

    private static long[] parse(String generation) {
        String[] parts = generation.split(":", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
