package org.openreferral.adapter.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Logs Redis failures without flooding: one WARN per quiet period, DEBUG for the repeats, INFO once Redis
 * answers again. Messages name the operation and the error, never a key or an address.
 */
final class FailureLog {

    private static final Logger LOG = Logger.getLogger(FailureLog.class);

    private final long quietNanos;
    private final AtomicLong lastWarning;
    private final AtomicBoolean failing = new AtomicBoolean();

    FailureLog(Duration quietPeriod) {
        this.quietNanos = quietPeriod.toNanos();
        this.lastWarning = new AtomicLong(System.nanoTime() - quietNanos);
    }

    void failed(String operation, Throwable error) {
        failing.set(true);
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= quietNanos && lastWarning.compareAndSet(last, now)) {
            LOG.warnf("Redis cache %s failed, treated as a cache miss (repeats are logged at DEBUG for %d s): %s",
                    operation, Duration.ofNanos(quietNanos).toSeconds(), describe(error));
        } else {
            LOG.debugf("Redis cache %s failed, treated as a cache miss: %s", operation, describe(error));
        }
    }

    void succeeded() {
        if (failing.get() && failing.compareAndSet(true, false)) {
            LOG.info("Redis cache answers again");
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }
}
