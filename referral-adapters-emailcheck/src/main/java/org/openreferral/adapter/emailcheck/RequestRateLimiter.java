package org.openreferral.adapter.emailcheck;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * At most N requests in any one-second window (a sliding log of the last N start times), which is how
 * Hunter counts; a caller waits for a free slot up to a bound, else is turned away.
 */
final class RequestRateLimiter {

    /** How the limiter waits; a seam so tests need no real time. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long ONE_SECOND = Duration.ofSeconds(1).toNanos();

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long[] starts;
    private int oldest;
    private long pausedUntil;

    RequestRateLimiter(int perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    RequestRateLimiter(int perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per second");
        }
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.starts = new long[perSecond];
        long now = nanoTime.getAsLong();
        Arrays.fill(starts, now - ONE_SECOND);
        this.pausedUntil = now;
    }

    /** Takes a slot, waiting at most {@code maxWait} for it; false if none is free in time (or interrupted). */
    boolean acquire(Duration maxWait) {
        long wait = reserve(maxWait.toNanos());
        if (wait < 0) {
            return false;
        }
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** No slot is handed out for this long (Hunter said we were too fast). */
    synchronized void pause(Duration pause) {
        long until = nanoTime.getAsLong() + pause.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }

    private synchronized long reserve(long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        long slot = starts[oldest] + ONE_SECOND;
        if (pausedUntil - slot > 0) {
            slot = pausedUntil;
        }
        if (slot - now < 0) {
            slot = now;
        }
        long wait = slot - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        starts[oldest] = slot;
        oldest = (oldest + 1) % starts.length;
        return wait;
    }
}
