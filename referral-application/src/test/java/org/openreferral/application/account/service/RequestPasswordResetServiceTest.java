package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.account.port.out.SecurityEvent.ResetOutcome;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;

class RequestPasswordResetServiceTest {

    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final RequestPasswordResetService service = new RequestPasswordResetService(fx.users, fx.resetTokens,
            fx.secrets, fx.mailer, fx.unitOfWork, LIFETIME, new RequestPasswordResetService.MailLimit(3, WINDOW),
            fx.securityLog, fx.clock);

    @Test
    void anExistingAccountGetsASingleUseLinkWhoseTokenIsStoredOnlyAsADigest() {
        service.request(new RequestPasswordResetCommand(new Email("Jane@Example.com")));

        assertThat(fx.mailer.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient()).isEqualTo(jane.email());
            assertThat(sent.validFor()).isEqualTo(LIFETIME);
            assertThat(fx.resetTokens.of(jane.id())).singleElement().satisfies(stored -> {
                assertThat(stored.digest()).isEqualTo(fx.secrets.digestOf(sent.token())).isNotEqualTo(sent.token());
                assertThat(stored.expiresAt()).isEqualTo(Fixture.START.plus(LIFETIME));
            });
        });
    }

    @Test
    void anAccountGetsAtMostThreeLinksAnHourWhoeverAsks() {
        for (int i = 0; i < 4; i++) {
            service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));
        }

        assertThat(fx.mailer.sent()).hasSize(3);
        assertThat(fx.resetTokens.of(jane.id())).hasSize(3);
    }

    @Test
    void everyRequestIsASecurityEventWithTheUserIdOrTheMaskedAddress() {
        for (int i = 0; i < 4; i++) {
            service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));
        }
        service.request(new RequestPasswordResetCommand(new Email("stranger@example.org")));

        SecurityEvent mailed = SecurityEvent.passwordResetRequested(jane.id(), ResetOutcome.MAILED);
        assertThat(fx.securityLog.events()).containsExactly(mailed, mailed, mailed,
                SecurityEvent.passwordResetRequested(jane.id(), ResetOutcome.MAIL_LIMIT_REACHED),
                SecurityEvent.passwordResetRequestedForUnknownAddress(new Email("stranger@example.org")));
        assertThat(fx.securityLog.events().get(4).fields()).containsEntry("email", "s***@example.org")
                .containsEntry("outcome", "unknown-account");
        assertThat(fx.securityLog.events()).allSatisfy(event -> assertThat(event.fields().values())
                .noneMatch(value -> value.contains("jane@") || value.contains("stranger@")
                        || fx.mailer.sent().stream().anyMatch(sent -> value.contains(sent.token()))));
    }

    @Test
    void theWindowRollsOnWithTheClock() {
        for (int i = 0; i < 3; i++) {
            service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));
        }
        fx.clock.advance(WINDOW.minusSeconds(1));
        service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));
        assertThat(fx.mailer.sent()).hasSize(3);

        fx.clock.advance(Duration.ofSeconds(1));
        service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));

        assertThat(fx.mailer.sent()).hasSize(4);
    }

    @Test
    void theLinkIsHandedOverOnlyAfterTheTokenIsCommitted() {
        service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));

        assertThat(fx.mailer.calledInsideTransaction()).isFalse();
    }

    @Test
    void anUnknownAddressIsAnsweredTheSameAndNothingIsSentOrStored() {
        service.request(new RequestPasswordResetCommand(new Email("nobody@example.com")));

        assertThat(fx.mailer.sent()).isEmpty();
        assertThat(fx.resetTokens.of(jane.id())).isEmpty();
    }

    @Test
    void bothAnswersCostTheSameSingleUnitOfWork() {
        service.request(new RequestPasswordResetCommand(new Email("nobody@example.com")));
        int forUnknown = fx.unitOfWork.started();
        service.request(new RequestPasswordResetCommand(new Email("jane@example.com")));

        assertThat(fx.unitOfWork.started() - forUnknown).isEqualTo(forUnknown).isEqualTo(1);
    }

    @Test
    void theCommandNeverShowsTheAddressInLogs() {
        assertThat(new RequestPasswordResetCommand(new Email("jane@example.com")).toString()).doesNotContain("jane");
    }
}
