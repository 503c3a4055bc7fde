package org.openreferral.adapter.cache.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Logs Redis failures without flooding (one WARN per quiet period, then DEBUG) and never with a key or address. */
final class FailureLog {

    private static final Logger LOG = Logger.getLogger(FailureLog.class);

    private final long quietNanos;
    private final AtomicLong lastWarning;
    private final AtomicBoolean warned = new AtomicBoolean();

    FailureLog(Duration quietPeriod) {
        this.quietNanos = quietPeriod.toNanos();
        this.lastWarning = new AtomicLong(System.nanoTime() - quietNanos);
    }

    void failed(String operation, Throwable error) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= quietNanos && lastWarning.compareAndSet(last, now)) {
            warned.set(true);
            LOG.warnf("Redis cache %s failed; going on without the cache (repeats within %d s are logged at DEBUG): %s",
                    operation, Duration.ofNanos(quietNanos).toSeconds(), describe(error));
        } else {
            LOG.debugf("Redis cache %s failed; going on without the cache: %s", operation, describe(error));
        }
    }

    void succeeded() {
        // At most one INFO per WARN, however much Redis flaps.
        if (warned.get() && warned.compareAndSet(true, false)) {
            LOG.info("Redis cache answers again");
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }
}
