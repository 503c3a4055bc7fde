package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LowPriorityThreadsTest {

    private static final Path OWN_STAT = Path.of("/proc/thread-self/stat");

    @Test
    void aThreadRunsItsTaskAtTheGivenNiceValue() throws InterruptedException {
        assumeTrue(Files.exists(OWN_STAT), "per-thread nice values are a Linux feature");
        assumeTrue(onPath("renice"), "renice (util-linux) is not installed");
        AtomicInteger seen = new AtomicInteger(-100);

        Thread thread = new LowPriorityThreads("test-hash", 10).newThread(() -> seen.set(ownNiceValue()));
        thread.start();
        thread.join(10_000);

        assertThat(seen).hasValue(10);
        assertThat(thread.getName()).isEqualTo("test-hash-1");
        assertThat(thread.isDaemon()).isTrue();
        assertThat(ownNiceValue()).as("the creating thread keeps its priority").isZero();
    }

    @Test
    void niceValueZeroLeavesThePriorityAlone() throws InterruptedException {
        assumeTrue(Files.exists(OWN_STAT), "per-thread nice values are a Linux feature");
        AtomicInteger seen = new AtomicInteger(-100);

        Thread thread = new LowPriorityThreads("test-hash", 0).newThread(() -> seen.set(ownNiceValue()));
        thread.start();
        thread.join(10_000);

        assertThat(seen).hasValue(0);
    }

    @Test
    void onlyNiceValuesThatLowerThePriorityAreAccepted() {
        assertThatThrownBy(() -> new LowPriorityThreads("x", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LowPriorityThreads("x", 20)).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, command)));
    }

    // Field 19 of /proc/<pid>/task/<tid>/stat; the fields after the parenthesised name start at field 3.
    private static int ownNiceValue() {
        try {
            String stat = Files.readString(OWN_STAT);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[19 - 3]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
