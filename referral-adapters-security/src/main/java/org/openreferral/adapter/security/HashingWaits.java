package org.openreferral.adapter.security;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** What the password hashes' wait for a slot came to since start: the figures behind the hashing metrics. */
final class HashingWaits {

    private final LongAdder admitted = new LongAdder();
    private final LongAdder admittedWaitNanos = new LongAdder();
    private final LongAdder refusedAtOnce = new LongAdder();
    private final LongAdder timedOut = new LongAdder();

    void recordAdmitted(long waitedNanos) {
        admitted.increment();
        admittedWaitNanos.add(waitedNanos);
    }

    void recordRefusedAtOnce() {
        refusedAtOnce.increment();
    }

    void recordTimedOut() {
        timedOut.increment();
    }

    /** Hashes that got a slot, waiting or not. */
    long admitted() {
        return admitted.sum();
    }

    /** The time those hashes waited for their slot, in all. */
    double admittedWaitSeconds() {
        return admittedWaitNanos.sum() / (double) TimeUnit.SECONDS.toNanos(1);
    }

    /** Hashes refused because the queue was full. */
    long refusedAtOnce() {
        return refusedAtOnce.sum();
    }

    /** Hashes refused because their wait reached the longest allowed. */
    long timedOut() {
        return timedOut.sum();
    }
}
