package org.openreferral.adapter.security;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Threads that run at a lower CPU priority than the rest of the process: on Linux each one raises its own nice
 * value (a per-thread attribute there) with {@code renice} when it starts. The scheduler then gives them the
 * CPU that request handling leaves over: all of it when nothing else runs, little while requests wait. Lowering
 * one's own priority needs no privilege; where it fails (no {@code renice}, not Linux) the threads run at normal
 * priority and the first failure is logged once.
 */
final class LowPriorityThreads implements ThreadFactory {

    private static final Logger LOG = Logger.getLogger(LowPriorityThreads.class);
    private static final long RENICE_TIMEOUT_SECONDS = 5;

    private final String namePrefix;
    private final int niceness;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicBoolean failureLogged = new AtomicBoolean();

    /** {@code niceness} 0 leaves the threads at normal priority; 19 is the lowest. */
    LowPriorityThreads(String namePrefix, int niceness) {
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("a nice value lowers the priority: 0..19, not " + niceness);
        }
        this.namePrefix = namePrefix;
        this.niceness = niceness;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(() -> {
            lowerOwnPriority();
            task.run();
        }, namePrefix + "-" + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    private void lowerOwnPriority() {
        if (niceness == 0) {
            return;
        }
        try {
            // /proc/thread-self -> /proc/<pid>/task/<tid>: the calling thread's own id, which setpriority takes.
            String threadId = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(RENICE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                failed("renice did not finish");
            } else if (renice.exitValue() != 0) {
                failed("renice exited with " + renice.exitValue());
            }
        } catch (IOException e) {
            failed(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed("interrupted");
        }
    }

    private void failed(String why) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.warnf("Could not lower the CPU priority of the %s threads (%s): they run at normal priority, and a"
                    + " burst of them takes CPU from request handling", namePrefix, why);
        }
    }
}
