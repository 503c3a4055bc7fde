package org.openreferral.application.fakes;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openreferral.application.shared.ratelimit.AttemptCounters;

/** Fixed-window counters in a map, on the time the caller passes, as the port's contract says. */
public final class FakeAttemptCounters implements AttemptCounters {

    private record Entry(Instant start, Instant end, long count) {
    }

    private final Map<String, Entry> entries = new HashMap<>();

    @Override
    public Window increment(String key, Duration window, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || now.isBefore(entry.start()) || !now.isBefore(entry.end())) {
            entry = new Entry(now, now.plus(window), 1);
        } else {
            entry = new Entry(entry.start(), entry.end(), entry.count() + 1);
        }
        entries.put(key, entry);
        return new Window(entry.count(), entry.end());
    }

    /** Test inspection: the keys that hold a window. */
    public java.util.Set<String> keys() {
        return java.util.Set.copyOf(entries.keySet());
    }
}
