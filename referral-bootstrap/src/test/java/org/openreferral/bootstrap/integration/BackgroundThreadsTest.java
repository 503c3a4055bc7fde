package org.openreferral.bootstrap.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void stopLetsTheRunningTaskFinishAndStartsNoOther() throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> BackgroundThreads.daemon(task, "job"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        executor.execute(() -> {
            started.countDown();
            try {
                release.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        executor.execute(() -> queuedRan.set(true));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean finishedWhenStopReturned = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            BackgroundThreads.stop(executor, Duration.ofSeconds(30));
            finishedWhenStopReturned.set(finished.get());
        });
        stopper.start();
        release.countDown();
        stopper.join(30_000);

        assertThat(finishedWhenStopReturned).as("stop returned only after the running task").isTrue();
        assertThat(interrupted).isFalse();
        assertThat(executor.isTerminated()).isTrue();
        // A task queued behind the running one still runs: shutdown() keeps the queue, only refuses new tasks.
        assertThat(queuedRan).isTrue();
    }

    @Test
    void aTaskStillRunningAfterTheGraceIsInterrupted() throws InterruptedException {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> BackgroundThreads.daemon(task, "job"));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        executor.execute(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        BackgroundThreads.stop(executor, Duration.ofMillis(50));

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void itsThreadsAreNamedDaemons() {
        Thread thread = BackgroundThreads.daemon(() -> { }, "webhook-poller");

        assertThat(thread.getName()).isEqualTo("webhook-poller");
        assertThat(thread.isDaemon()).isTrue();
    }
}
