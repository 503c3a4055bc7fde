package org.openreferral.adapter.cache.shared;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling instead of long sleeps, for tests against a real Redis. */
public final class RedisWaits {

    private RedisWaits() {
    }

    public static boolean holdsWithin(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
