package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.VerifyEmailUseCase.VerifyEmailCommand;
import org.openreferral.application.account.port.out.EmailVerificationTokenRepository.Issue;
import org.openreferral.application.account.port.out.ReferralAttribution;
import org.openreferral.application.account.service.VerificationLinks.Unsent;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

class VerifyEmailServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final VerifiedReferees referees = new VerifiedReferees();
    private final VerifyEmailService service = new VerifyEmailService(fx.users, fx.verificationTokens, fx.secrets,
            referees, fx.accountEvents, fx.unitOfWork, fx.clock);

    private String link(User user) {
        Unsent link = fx.unitOfWork.inTransaction(() -> fx.verificationLinks.issue(user.id(), user.email(),
                Issue.REGISTRATION, fx.clock.instant()));
        return link.secret().value();
    }

    private void verify(String token) {
        service.verify(new VerifyEmailCommand(token));
    }

    private static void assertInvalid(Runnable attempt) {
        assertThatThrownBy(attempt::run).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-verification-token"));
    }

    @Test
    void theTokenVerifiesTheEmailAndTellsTheReferralSliceInTheSameTransaction() {
        verify(link(jane));

        assertThat(fx.users.stored(jane.id()).orElseThrow().isEmailVerified()).isTrue();
        assertThat(referees.calls).containsExactly(jane.id());
        assertThat(referees.insideTransaction).isTrue();
        assertThat(fx.verificationTokens.lockedLookups()).isEqualTo(1);
    }

    @Test
    void aTokenWorksOnceAndTheUsersOtherTokensDie() {
        String first = link(jane);
        String second = link(jane);

        verify(first);

        assertInvalid(() -> verify(first));
        assertInvalid(() -> verify(second));
        assertThat(referees.calls).hasSize(1);
    }

    @Test
    void anExpiredTokenIsRefusedAndVerifiesNothing() {
        String token = link(jane);
        fx.clock.advance(Fixture.VERIFICATION_LIFETIME);

        assertInvalid(() -> verify(token));
        assertThat(fx.users.stored(jane.id()).orElseThrow().isEmailVerified()).isFalse();
        assertThat(referees.calls).isEmpty();
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertInvalid(() -> verify("no-such-token"));
    }

    @Test
    void aTokenThatCannotBeOneIsRefusedLikeAnUnknownOne() {
        assertInvalid(() -> new VerifyEmailCommand(" "));
        assertInvalid(() -> new VerifyEmailCommand(null));
        assertInvalid(() -> new VerifyEmailCommand("x".repeat(VerifyEmailCommand.MAX_TOKEN_LENGTH + 1)));
    }

    /** Records the referees whose verification the referral slice heard of. */
    private final class VerifiedReferees implements ReferralAttribution {

        private final List<UserId> calls = new ArrayList<>();
        private boolean insideTransaction = true;

        @Override
        public void precheck(CodeValue code, Email email, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Attribution attribute(CodeValue code, NewAccount account, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void emailVerified(UserId referee, Instant now) {
            insideTransaction &= fx.unitOfWork.isActive();
            calls.add(referee);
        }
    }

    @Test
    void aConfirmedEmailIsOneUserEmailVerifiedEvent() {
        String token = link(jane);
        verify(token);
        assertInvalid(() -> verify(token));

        List<OutboxEvent> verified = fx.events.appended(EventType.USER_EMAIL_VERIFIED);
        assertThat(verified).hasSize(1);
        assertThat(verified.get(0).data()).containsOnly(entry("userId", jane.id().value().toString()),
                entry("username", jane.username().value()));
    }
}
