package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.RequestEmailVerificationUseCase.RequestEmailVerificationCommand;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class RequestEmailVerificationServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final RequestEmailVerificationService service = new RequestEmailVerificationService(fx.users,
            fx.verificationTokens, fx.verificationLinks, fx.unitOfWork,
            new RequestEmailVerificationService.Policy(3, Duration.ofHours(1)), fx.clock);

    private void request(User user) {
        service.request(new RequestEmailVerificationCommand(user.id()));
    }

    @Test
    void mailsANewSingleUseLinkAfterCommit() {
        request(jane);

        assertThat(fx.verificationMailer.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.recipient()).isEqualTo(jane.email());
            assertThat(sent.validFor()).isEqualTo(Fixture.VERIFICATION_LIFETIME);
        });
        assertThat(fx.verificationMailer.calledInsideTransaction()).isFalse();
        assertThat(fx.verificationTokens.of(jane.id())).singleElement()
                .satisfies(token -> assertThat(token.digest())
                        .isEqualTo(fx.secrets.digestOf(fx.verificationMailer.sent().get(0).token())));
    }

    @Test
    void theFourthRequestWithinAnHourMailsNothingButOneAfterTheHourDoes() {
        request(jane);
        fx.clock.advance(Duration.ofMinutes(20));
        request(jane);
        fx.clock.advance(Duration.ofMinutes(20));
        request(jane);
        fx.clock.advance(Duration.ofMinutes(19));
        request(jane);

        assertThat(fx.verificationMailer.sent()).hasSize(3);

        fx.clock.advance(Duration.ofMinutes(1));
        request(jane);

        assertThat(fx.verificationMailer.sent()).hasSize(4);
    }

    @Test
    void theLinkMailedAtRegistrationDoesNotCount() {
        fx.unitOfWork.seed(() -> fx.verificationLinks.issue(jane.id(), jane.email(), Issue.REGISTRATION,
                fx.clock.instant()));

        request(jane);
        request(jane);
        request(jane);

        assertThat(fx.verificationMailer.sent()).hasSize(3);
    }

    @Test
    void aVerifiedUserGetsNoMail() {
        User verified = fx.user("bob", "bob@example.com");
        verified.verifyEmail();
        fx.unitOfWork.seed(() -> fx.users.update(verified));

        request(verified);

        assertThat(fx.verificationMailer.sent()).isEmpty();
        assertThat(fx.verificationTokens.of(verified.id())).isEmpty();
    }

    @Test
    void anUnknownUserGetsNoMail() {
        service.request(new RequestEmailVerificationCommand(UserId.newId()));

        assertThat(fx.verificationMailer.sent()).isEmpty();
    }
}
