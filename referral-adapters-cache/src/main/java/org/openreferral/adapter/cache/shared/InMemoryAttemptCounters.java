package org.openreferral.adapter.cache.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

/**
 * Attempt counters in this process: one fixed window per key, changed atomically, on the time the caller
 * passes. Closed windows are swept now and then; beyond {@code maxKeys} open windows everything is
 * dropped (counting starts over), so a flood of distinct clients cannot exhaust memory.
 */
public final class InMemoryAttemptCounters implements AttemptCounters {

    private static final Logger LOG = Logger.getLogger(InMemoryAttemptCounters.class);
    private static final int SWEEP_EVERY = 1024;

    // Epoch millis; a window is open while start <= now < end.
    private record Entry(long start, long end, long count) {

        boolean openAt(long now) {
            return start <= now && now < end;
        }
    }

    private final int maxKeys;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger operations = new AtomicInteger();

    public InMemoryAttemptCounters(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Window increment(String key, Duration window, Instant now) {
        long at = now.toEpochMilli();
        sweepNowAndThen(at);
        Entry entry = entries.compute(key, (k, current) -> current == null || !current.openAt(at)
                ? new Entry(at, at + window.toMillis(), 1)
                : new Entry(current.start(), current.end(), current.count() + 1));
        return new Window(entry.count(), Instant.ofEpochMilli(entry.end()));
    }

    int size() {
        return entries.size();
    }

    private void sweepNowAndThen(long now) {
        if (operations.incrementAndGet() % SWEEP_EVERY != 0 && entries.size() < maxKeys) {
            return;
        }
        entries.values().removeIf(entry -> !entry.openAt(now));
        if (entries.size() >= maxKeys) {
            LOG.warnf("More than %d open attempt counters in this process; dropping them all", maxKeys);
            entries.clear();
        }
    }
}
