package org.openreferral.bootstrap.integration;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** The threads of the integration jobs: daemons with a name, stopped so that a run in progress may finish. */
final class BackgroundThreads {

    private BackgroundThreads() {
    }

    static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Starts no further task and waits up to {@code grace} for the one running, then interrupts it. Called on
     * Quarkus' ShutdownEvent, which comes before Hibernate and the connection pool close: a run that finishes within
     * the grace commits or rolls back normally, instead of failing on a closed pool with a warning in every restart's
     * log.
     */
    static void stop(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
