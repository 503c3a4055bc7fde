package org.openreferral.adapter.cache.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

/** What every {@link EmailVerdictCache} must do; run against the in-process and the Redis implementation. */
abstract class EmailVerdictCacheContract {

    static final Duration TTL = Duration.ofMinutes(5);

    protected abstract EmailVerdictCache cache();

    /** Lets {@code time} pass (by waiting or by moving a clock) and tells whether the condition then holds. */
    protected abstract boolean holdsOnceElapsed(Duration time, BooleanSupplier condition);

    /** Every key the implementation currently stores. */
    protected abstract Collection<String> storedKeys();

    static Email someAddress() {
        return new Email("Someone." + UUID.randomUUID().toString().substring(0, 8) + "@Mail.example");
    }

    @Test
    void anAddressNeverCachedIsAMiss() {
        assertThat(cache().get(someAddress())).isEmpty();
    }

    @Test
    void aVerdictIsReadBackWithStatusFailureFlagAndReason() {
        Email valid = someAddress();
        Email disposable = someAddress();
        Email unanswered = someAddress();

        cache().put(valid, EmailVerdict.of(Status.VALID, "deliverable"), TTL);
        cache().put(disposable, EmailVerdict.of(Status.DISPOSABLE, "throw-away | provider: «mailinator»"), TTL);
        cache().put(unanswered, EmailVerdict.failure(""), TTL);

        assertThat(cache().get(valid)).contains(EmailVerdict.of(Status.VALID, "deliverable"));
        assertThat(cache().get(disposable))
                .contains(EmailVerdict.of(Status.DISPOSABLE, "throw-away | provider: «mailinator»"));
        assertThat(cache().get(unanswered)).contains(EmailVerdict.failure(""));
    }

    @Test
    void theLatestVerdictForAnAddressWins() {
        Email address = someAddress();
        cache().put(address, EmailVerdict.failure("verifier timed out"), TTL);

        cache().put(address, EmailVerdict.of(Status.INVALID, "no such mailbox"), TTL);

        assertThat(cache().get(address)).contains(EmailVerdict.of(Status.INVALID, "no such mailbox"));
    }

    @Test
    void aVerdictIsGoneOnceItsTtlHasPassed() {
        Email address = someAddress();
        Duration ttl = Duration.ofMillis(200);
        cache().put(address, EmailVerdict.of(Status.WEBMAIL, "webmail"), ttl);
        assertThat(cache().get(address)).isPresent();

        assertThat(holdsOnceElapsed(ttl, () -> cache().get(address).isEmpty())).isTrue();
    }

    @Test
    void aZeroTtlStoresNothing() {
        Email address = someAddress();

        cache().put(address, EmailVerdict.of(Status.VALID, "deliverable"), Duration.ZERO);

        assertThat(cache().get(address)).isEmpty();
    }

    @Test
    void noStoredKeyRevealsTheAddress() {
        Email address = someAddress();
        cache().put(address, EmailVerdict.of(Status.ACCEPT_ALL, "catch-all domain"), TTL);

        assertThat(storedKeys()).isNotEmpty().allSatisfy(key -> assertThat(key)
                .doesNotContain("@")
                .doesNotContainIgnoringCase(address.localPart())
                .doesNotContainIgnoringCase("mail.example"));
    }
}
