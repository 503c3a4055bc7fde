package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.user.PasswordHash;

class Argon2idPasswordHasherTest {

    // Small parameters keep the tests fast; one test below runs the production defaults.
    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(64, 1, 1);

    @Test
    void theHashOfAPasswordMatchesThatPassword() {
        PasswordHash hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void aWrongPasswordDoesNotMatch() {
        PasswordHash hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
        assertThat(hasher.matches(null, hash)).isFalse();
    }

    @Test
    void passwordsAreEncodedAsUtf8() {
        PasswordHash hash = hasher.hash("pässwörd-🔑");

        assertThat(hasher.matches("pässwörd-🔑", hash)).isTrue();
        assertThat(hasher.matches("passwort-🔑", hash)).isFalse();
    }

    @Test
    void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
        PasswordHash first = hasher.hash("same password");
        PasswordHash second = hasher.hash("same password");

        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(salt(first)).isNotEqualTo(salt(second));
        assertThat(hasher.matches("same password", first)).isTrue();
        assertThat(hasher.matches("same password", second)).isTrue();
    }

    @Test
    void theStoredFormIsAPhcArgon2idStringWithTheConfiguredParameters() {
        PasswordHash hash = new Argon2idPasswordHasher(256, 3, 2).hash("secret password");

        assertThat(hash.value()).matches("\\$argon2id\\$v=19\\$m=256,t=3,p=2\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void theDefaultsAreTheOwaspParametersAndStillVerify() {
        Argon2idPasswordHasher defaults = Argon2idPasswordHasher.withDefaults();

        PasswordHash hash = defaults.hash("a long enough password");

        assertThat(hash.value()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(defaults.matches("a long enough password", hash)).isTrue();
    }

    @Test
    void aHashMadeWithOtherParametersStillVerifiesAfterTheParametersChange() {
        PasswordHash old = new Argon2idPasswordHasher(128, 2, 2).hash("kept across upgrades");

        assertThat(hasher.matches("kept across upgrades", old)).isTrue();
        assertThat(hasher.matches("not the password", old)).isFalse();
    }

    @Test
    void theReferenceImplementationsArgon2idVectorVerifies() {
        // From the test suite of the PHC reference implementation (src/test.c), so the format is interoperable.
        PasswordHash reference = new PasswordHash(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(hasher.matches("password", reference)).isTrue();
        assertThat(hasher.matches("Password", reference)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "not a hash",
        "$argon2id$",
        "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$t=1,m=64,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=x,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=99999999999,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$not*base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$extra",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"
    })
    void aMalformedStoredHashDoesNotMatchAndDoesNotThrow(String stored) {
        assertThat(hasher.matches("password", new PasswordHash(stored))).isFalse();
    }

    @Test
    void aMissingStoredHashDoesNotMatch() {
        assertThat(hasher.matches("password", null)).isFalse();
    }

    @Test
    void parametersOutOfRangeAreRefusedAtConstruction() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(19_456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idPasswordHasher(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idPasswordHasher(19_456, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashesBeyondTheConcurrencyLimitWaitTheirTurnThenGetServiceUnavailable() throws Exception {
        HeldHashes held = new HeldHashes();
        Argon2idPasswordHasher oneAtATime = new Argon2idPasswordHasher(64, 1, 1, 1, Duration.ofMillis(50), 1, 0, held);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<PasswordHash> holding = executor.submit(() -> oneAtATime.hash("held: the only slot"));
            held.started.await(30, TimeUnit.SECONDS);

            assertThatThrownBy(() -> oneAtATime.hash("waits 50 ms, then gives up"))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo("service-unavailable"));
            held.release.countDown();
            PasswordHash hash = holding.get(30, TimeUnit.SECONDS);
            assertThat(oneAtATime.freeSlots()).isEqualTo(1);
            assertThat(oneAtATime.matches("held: the only slot", hash)).isTrue();
            assertThat(oneAtATime.waits().timedOut()).isEqualTo(1);
            assertThat(oneAtATime.waits().refusedAtOnce()).isZero();
        } finally {
            held.release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aHashOneBeyondTheQueueIsRefusedAtOnceAsOverloadedAndTheQueuedOnesStillRun() throws Exception {
        // A wait of an hour: were the third hash not refused at once by the queue's bound, this test would not end.
        HeldHashes held = new HeldHashes();
        Argon2idPasswordHasher oneQueued = new Argon2idPasswordHasher(64, 1, 1, 1, Duration.ofHours(1), 1, 0, held);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<PasswordHash> holding = executor.submit(() -> oneQueued.hash("held: the only slot"));
            held.started.await(30, TimeUnit.SECONDS);
            Future<PasswordHash> queued = executor.submit(() -> oneQueued.hash("the only place in the queue"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> oneQueued.waiting() == 1);

            assertThatThrownBy(() -> oneQueued.hash("one too many"))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo("overloaded"));
            assertThat(oneQueued.waiting()).isEqualTo(1);
            held.release.countDown();
            // Both done before checking them: a check while the queued hash is still leaving the queue would find
            // the queue full (its place is given back just after it got the slot).
            PasswordHash first = holding.get(30, TimeUnit.SECONDS);
            PasswordHash second = queued.get(30, TimeUnit.SECONDS);
            assertThat(oneQueued.waiting()).isZero();
            assertThat(oneQueued.matches("held: the only slot", first)).isTrue();
            assertThat(oneQueued.matches("the only place in the queue", second)).isTrue();
            assertThat(oneQueued.waits().refusedAtOnce()).isEqualTo(1);
            assertThat(oneQueued.waits().admitted()).isEqualTo(4);
            assertThat(oneQueued.waits().admittedWaitSeconds()).isPositive();
        } finally {
            held.release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void aNegativeQueueBoundIsRefused() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(64, 1, 1, 1, Duration.ofSeconds(1), -1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConcurrencyBelowOneIsRefused() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(64, 1, 1, 0, Duration.ofSeconds(1), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Real Argon2id hashes, except that one of a password starting with "held" waits for {@link #release}. */
    private static final class HeldHashes implements Argon2idPasswordHasher.HashFunction {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final Argon2idPasswordHasher.HashFunction real = Argon2idPasswordHasher::argon2id;

        @Override
        public byte[] hash(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
            if (password.startsWith("held") && started.getCount() > 0) {
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.hash(password, salt, memoryKib, iterations, parallelism, length);
        }
    }

    private static String salt(PasswordHash hash) {
        return hash.value().split("\\$")[4];
    }
}
