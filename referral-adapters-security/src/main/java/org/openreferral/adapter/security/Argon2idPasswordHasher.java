package org.openreferral.adapter.security;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.user.PasswordHash;

/**
 * Adapter: Argon2id password hashes in PHC string format, OWASP parameters by default.
 * <p>
 * At most {@code referral.password.hashing-concurrency} hashes (default: one per core) run at once; the rest wait
 * their turn, at most {@code referral.password.hashing-max-wait}, then get 503 {@code service-unavailable}. At most
 * {@code referral.password.hashing-max-waiting} wait at once (default: 32 per slot); one more gets 503
 * {@code overloaded} at once, so that logins offered faster than they can be hashed do not pile up as requests in
 * flight until they take the admission budget of every other request. More concurrent hashes than cores would not
 * finish sooner, they would only hold 19 MiB each. The hashes run on their own threads at a lower CPU
 * priority ({@code referral.password.hashing-nice}, {@link LowPriorityThreads}): a burst of logins uses every
 * core the requests leave idle, and a code lookup next to it still gets the CPU at once.
 */
@ApplicationScoped
public class Argon2idPasswordHasher implements PasswordHasher {

    static final int DEFAULT_MEMORY_KIB = 19_456;
    static final int DEFAULT_ITERATIONS = 2;
    static final int DEFAULT_PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    // Upper bounds also apply to parameters read from a stored hash, so that a tampered row cannot make
    // one login allocate unbounded memory or spin for minutes.
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_PARALLELISM = 64;
    private static final int MIN_STORED_BYTES = 8;
    private static final int MAX_STORED_BYTES = 64;

    private static final String ALGORITHM = "argon2id";
    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    private static final int DEFAULT_WAITING_PER_SLOT = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final Semaphore slots;
    private final ExecutorService hashing;
    private final Duration maxWait;
    private final int maxWaiting;
    private final HashFunction function;
    private final AtomicInteger waiting = new AtomicInteger();
    private final HashingWaits waits = new HashingWaits();
    private final SecureRandom random = new SecureRandom();

    @Inject
    public Argon2idPasswordHasher(
            @ConfigProperty(name = "referral.password.argon2.memory-kib", defaultValue = "19456") int memoryKib,
            @ConfigProperty(name = "referral.password.argon2.iterations", defaultValue = "2") int iterations,
            @ConfigProperty(name = "referral.password.argon2.parallelism", defaultValue = "1") int parallelism,
            @ConfigProperty(name = "referral.password.hashing-concurrency") Optional<Integer> concurrency,
            @ConfigProperty(name = "referral.password.hashing-max-wait", defaultValue = "PT10S") Duration maxWait,
            @ConfigProperty(name = "referral.password.hashing-max-waiting") Optional<Integer> maxWaiting,
            @ConfigProperty(name = "referral.password.hashing-nice", defaultValue = "10") int niceness) {
        this(memoryKib, iterations, parallelism, concurrency.orElse(cores()), maxWait,
                maxWaiting.orElse(DEFAULT_WAITING_PER_SLOT * concurrency.orElse(cores())), niceness);
    }

    /** A hasher with these Argon2 parameters, one hash per core at a time, at normal priority. */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, cores(), DEFAULT_MAX_WAIT, DEFAULT_WAITING_PER_SLOT * cores(), 0);
    }

    Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency, Duration maxWait,
                           int maxWaiting, int niceness) {
        this(memoryKib, iterations, parallelism, concurrency, maxWait, maxWaiting, niceness,
                Argon2idPasswordHasher::argon2id);
    }

    /** With {@code function} computing the hashes: tests hold a hash in progress with it. */
    Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency, Duration maxWait,
                           int maxWaiting, int niceness, HashFunction function) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("referral.password.hashing-concurrency must be at least 1: " + concurrency);
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("referral.password.hashing-max-waiting cannot be negative: " + maxWaiting);
        }
        if (!withinBounds(memoryKib, iterations, parallelism)) {
            throw new IllegalArgumentException("Argon2 parameters out of range: memory-kib=" + memoryKib
                    + " (8*parallelism.." + MAX_MEMORY_KIB + "), iterations=" + iterations + " (1.." + MAX_ITERATIONS
                    + "), parallelism=" + parallelism + " (1.." + MAX_PARALLELISM + ")");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.slots = new Semaphore(concurrency, true);
        // As many threads as slots, so a hash that got a slot never queues; created on first use.
        this.hashing = Executors.newFixedThreadPool(concurrency, new LowPriorityThreads("argon2id", niceness));
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
        this.function = function;
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** A hasher with the OWASP-recommended parameters (19 MiB, 2 iterations, 1 lane). */
    public static Argon2idPasswordHasher withDefaults() {
        return new Argon2idPasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    @Override
    public PasswordHash hash(String password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return new PasswordHash("$" + ALGORITHM + "$v=" + VERSION + "$m=" + memoryKib + ",t=" + iterations
                + ",p=" + parallelism + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return false;
        }
        Stored stored = Stored.parseOrNull(hash.value());
        if (stored == null) {
            return false;
        }
        byte[] actual = derive(password, stored.salt, stored.memoryKib, stored.iterations, stored.parallelism,
                stored.hash.length);
        return MessageDigest.isEqual(actual, stored.hash);
    }

    // The slot is released when the hash is done, not when its caller stops waiting: the bound is on hashes.
    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        acquireSlot();
        Future<byte[]> hash;
        try {
            hash = hashing.submit(() -> {
                try {
                    return function.hash(password, salt, memoryKib, iterations, parallelism, length);
                } finally {
                    slots.release();
                }
            });
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new ServiceUnavailableException("Password hashing is shutting down; retry in a moment.");
        }
        try {
            return hash.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while hashing a password; retry in a moment.");
        }
    }

    @PreDestroy
    void stop() {
        hashing.shutdown();
    }

    int freeSlots() {
        return slots.availablePermits();
    }

    /** Hashes waiting for a slot right now. */
    int waiting() {
        return waiting.get();
    }

    /** How long hashes waited for their slot, and how many were refused, since start. */
    HashingWaits waits() {
        return waits;
    }

    private void acquireSlot() {
        long start = System.nanoTime();
        try {
            // Zero timeout rather than tryAcquire(): this one keeps the fair order, it never overtakes a waiter.
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                waits.recordAdmitted(0);
                return;
            }
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                waits.recordRefusedAtOnce();
                throw ServiceUnavailableException.overloaded(
                        "Too many logins and registrations are waiting for a password check; retry in a moment.");
            }
            try {
                if (slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                    waits.recordAdmitted(System.nanoTime() - start);
                    return;
                }
            } finally {
                waiting.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waits.recordTimedOut();
        throw new ServiceUnavailableException("Too many logins and registrations at once; retry in a moment.");
    }

    static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                   int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] passwordBytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    private static boolean withinBounds(int memoryKib, int iterations, int parallelism) {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKib >= 8 * parallelism && memoryKib <= MAX_MEMORY_KIB;
    }

    /** Computes one hash; Argon2id itself but in tests. */
    @FunctionalInterface
    interface HashFunction {
        byte[] hash(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);
    }

    /** The parts of {@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}; null when the text is not one. */
    private record Stored(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

        static Stored parseOrNull(String text) {
            try {
                return parse(text);
            } catch (IllegalArgumentException malformed) { // bad Base64
                return null;
            }
        }

        private static Stored parse(String text) {
            String[] parts = text.split("\\$", -1);
            if (parts.length != 6 || !parts[0].isEmpty() || !ALGORITHM.equals(parts[1])
                    || !("v=" + VERSION).equals(parts[2])) {
                return null;
            }
            String[] params = parts[3].split(",", -1);
            if (params.length != 3) {
                return null;
            }
            int m = param(params[0], "m=");
            int t = param(params[1], "t=");
            int p = param(params[2], "p=");
            if (m < 0 || t < 0 || p < 0 || !withinBounds(m, t, p)) {
                return null;
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] hash = B64_DECODER.decode(parts[5]);
            if (!lengthOk(salt) || !lengthOk(hash)) {
                return null;
            }
            return new Stored(m, t, p, salt, hash);
        }

        private static int param(String text, String prefix) {
            if (!text.startsWith(prefix)) {
                return -1;
            }
            String digits = text.substring(prefix.length());
            if (!NUMBER.matcher(digits).matches()) {
                return -1;
            }
            long value = Long.parseLong(digits);
            return value > Integer.MAX_VALUE ? -1 : (int) value;
        }

        private static boolean lengthOk(byte[] bytes) {
            return bytes.length >= MIN_STORED_BYTES && bytes.length <= MAX_STORED_BYTES;
        }
    }
}
