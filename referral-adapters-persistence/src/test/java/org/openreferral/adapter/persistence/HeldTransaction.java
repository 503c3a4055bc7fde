package org.openreferral.adapter.persistence;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openreferral.application.shared.UnitOfWork;

/**
 * A transaction on another thread, kept open until released: what another instance's transaction looks like to
 * the one under test. Never waits without a bound: work that fails before it holds is reported at once, with its
 * cause, and a transaction nobody releases ends after {@link #PATIENCE}.
 */
final class HeldTransaction implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final UnitOfWork unitOfWork;
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    HeldTransaction(UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** Runs {@code work} in a transaction on the other thread and returns once it has run, the transaction open. */
    <T> Future<T> hold(Supplier<T> work) throws InterruptedException, ExecutionException {
        Future<T> result = other.submit(() -> unitOfWork.inTransaction(() -> {
            T value = work.get();
            held.countDown();
            awaitRelease();
            return value;
        }));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!held.await(20, TimeUnit.MILLISECONDS)) {
            if (result.isDone()) {
                result.get();
                throw new IllegalStateException("the other transaction ended before it was held");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other transaction did not run within " + PATIENCE);
            }
        }
        return result;
    }

    /** Lets the held transaction commit. */
    void release() {
        release.countDown();
    }

    private void awaitRelease() {
        try {
            if (!release.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the held transaction was not released within " + PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        other.shutdownNow();
    }
}
