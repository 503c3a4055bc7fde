package org.openreferral.adapter.cache.shared;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock for the in-process caches that moves only when a test says so; its wall clock moves with it. */
public final class FakeTicker implements Ticker {

    public static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final long startNanos = nanos.get();

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    /** Wall time: {@link #START} plus what the ticker has advanced. */
    public Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return START.plusNanos(nanos.get() - startNanos);
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the fake clock is always UTC");
            }
        };
    }
}
