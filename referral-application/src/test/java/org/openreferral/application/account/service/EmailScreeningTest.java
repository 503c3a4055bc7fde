package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdict.Status;
import org.openreferral.application.fakes.FakeEmailVerdictCache.Put;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.error.RuleViolationException;
import org.openreferral.domain.model.user.Email;

class EmailScreeningTest {

    private static final Email JANE = new Email("jane@example.com");
    private static final Duration FINAL_TTL = Duration.ofDays(7);
    private static final Duration UNKNOWN_TTL = Duration.ofMinutes(10);

    private final Fixture fx = new Fixture();

    private EmailScreening screening(boolean failOpen) {
        return new EmailScreening(fx.verifier, fx.verdictCache, new EmailScreening.Policy(failOpen, FINAL_TTL,
                UNKNOWN_TTL));
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"VALID", "WEBMAIL", "ACCEPT_ALL"})
    void deliverableAddressesAreAccepted(Status status) {
        fx.verifier.answerEverything(EmailVerdict.of(status, "ok"));

        assertThatCode(() -> screening(false).ensureAcceptable(JANE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = {"INVALID", "DISPOSABLE"})
    void undeliverableAndDisposableAddressesAreRejectedWhateverThePolicy(Status status) {
        fx.verifier.answerEverything(EmailVerdict.of(status, "nope"));

        assertRejected(screening(true));
        assertRejected(screening(false));
    }

    @Test
    void defaultPolicyFailsOpen() {
        assertThat(EmailScreening.Policy.defaults().failOpen()).isTrue();
    }

    @Test
    void finalVerdictIsCachedForTheFinalTtlAndNotAskedAgain() {
        fx.verifier.answerEverything(EmailVerdict.of(Status.VALID, "ok"));
        EmailScreening screening = screening(true);

        screening.ensureAcceptable(JANE);
        screening.ensureAcceptable(JANE);

        assertThat(fx.verifier.calls()).isEqualTo(1);
        assertThat(fx.verdictCache.puts()).singleElement().extracting(Put::ttl).isEqualTo(FINAL_TTL);
    }

    @Test
    void finalVerdictIsAskedForAgainOnceItsTtlHasPassed() {
        EmailScreening screening = screening(true);
        screening.ensureAcceptable(JANE);

        fx.clock.advance(FINAL_TTL);
        screening.ensureAcceptable(JANE);

        assertThat(fx.verifier.calls()).isEqualTo(2);
    }

    @Test
    void unknownVerdictIsCachedOnlyBriefly() {
        fx.verifier.answerEverything(EmailVerdict.of(Status.UNKNOWN, "greylisted"));

        screening(true).ensureAcceptable(JANE);

        assertThat(fx.verdictCache.puts()).singleElement().extracting(Put::ttl).isEqualTo(UNKNOWN_TTL);
    }

    @Test
    void failedVerificationIsNotCachedSoItIsAskedAgain() {
        fx.verifier.answerEverything(EmailVerdict.failure("timeout"));
        EmailScreening screening = screening(true);

        screening.ensureAcceptable(JANE);
        screening.ensureAcceptable(JANE);

        assertThat(fx.verdictCache.puts()).isEmpty();
        assertThat(fx.verifier.calls()).isEqualTo(2);
    }

    @Test
    void failClosedRejectsWhatCouldNotBeVerified() {
        fx.verifier.answerEverything(EmailVerdict.failure("timeout"));

        assertRejected(screening(false));
        assertThatCode(() -> screening(true).ensureAcceptable(JANE)).doesNotThrowAnyException();
    }

    @Test
    void cachedVerdictIsHonouredWithoutAskingTheVerifier() {
        fx.verdictCache.put(JANE, EmailVerdict.of(Status.DISPOSABLE, "throwaway"), FINAL_TTL);

        assertRejected(screening(true));
        assertThat(fx.verifier.calls()).isZero();
    }

    @Test
    void failedVerdictIsAlwaysUnknown() {
        assertThatThrownBy(() -> new EmailVerdict(Status.VALID, true, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(EmailVerdict.failure("x").isFinal()).isFalse();
        assertThat(EmailVerdict.of(Status.UNKNOWN, "x").isFinal()).isFalse();
        assertThat(EmailVerdict.of(Status.DISPOSABLE, "x").isFinal()).isTrue();
    }

    private static void assertRejected(EmailScreening screening) {
        assertThatThrownBy(() -> screening.ensureAcceptable(JANE))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("email-rejected"));
    }
}
