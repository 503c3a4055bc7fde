package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import org.openreferral.application.account.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.fakes.FakePasswordHasher;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.User;

class ResetPasswordServiceTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final RequestPasswordResetService request = new RequestPasswordResetService(fx.users, fx.resetTokens,
            fx.secrets, fx.mailer, fx.unitOfWork, Duration.ofMinutes(30),
            new RequestPasswordResetService.MailLimit(3, Duration.ofHours(1)), fx.securityLog, fx.clock);
    private final AuthenticateUserService login =
            fx.authentication();
    private final ResetPasswordService service = new ResetPasswordService(fx.users, fx.resetTokens,
            fx.refreshTokens, fx.hasher, fx.sessions, fx.lockout, fx.passwordChangedMailer, fx.securityLog,
            fx.unitOfWork, fx.clock);

    @Test
    void theTokenSetsTheNewPasswordOnce() {
        String token = mailedToken();

        service.reset(reset(token, NEW_PASSWORD));

        assertThat(fx.users.stored(jane.id()).orElseThrow().passwordHash())
                .isEqualTo(FakePasswordHasher.hashOf(NEW_PASSWORD));
        assertThat(fx.resetTokens.lockedLookups()).isEqualTo(1);
        assertInvalidToken(token, "another new passphrase");
        assertThat(fx.users.stored(jane.id()).orElseThrow().passwordHash())
                .isEqualTo(FakePasswordHasher.hashOf(NEW_PASSWORD));
    }

    @Test
    void everySessionOfTheUserEndsRefreshAndAccessTokensAlike() {
        login();
        login();
        List<SessionId> sessions = fx.tokens.sessions();

        service.reset(reset(mailedToken(), NEW_PASSWORD));

        assertThat(fx.refreshTokens.all()).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.REVOKED));
        assertThat(sessions).allSatisfy(session -> assertThat(
                fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(session)))).isTrue());
    }

    @Test
    void aLoginThatCheckedTheOldPasswordWhileTheResetCommittedOpensNoSession() {
        String token = mailedToken();
        fx.hasher.duringNextCheck(() -> service.reset(reset(token, NEW_PASSWORD)));

        assertThatThrownBy(this::login).isInstanceOfSatisfying(AuthenticationFailedException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-credentials"));

        assertThat(fx.users.stored(jane.id()).orElseThrow().passwordHash())
                .isEqualTo(FakePasswordHasher.hashOf(NEW_PASSWORD));
        assertThat(fx.refreshTokens.all()).isEmpty();
        assertThat(fx.tokens.sessions()).isEmpty();
        assertThat(login.authenticate(Fixture.credentials("jane", NEW_PASSWORD)).refreshToken()).isNotBlank();
    }

    @Test
    void anotherUsersResetDuringTheCheckLeavesTheLoginAlone() {
        fx.user("bob", "bob@example.com");
        request.request(new RequestPasswordResetCommand(new Email("bob@example.com")));
        String bobs = fx.mailer.sent().get(fx.mailer.sent().size() - 1).token();
        fx.hasher.duringNextCheck(() -> service.reset(reset(bobs, NEW_PASSWORD)));

        assertThat(login().refreshToken()).isNotBlank();
        assertThat(fx.refreshTokens.all()).singleElement()
                .satisfies(token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.ACTIVE));
    }

    @Test
    void otherOutstandingResetLinksOfTheUserDieToo() {
        String first = mailedToken();
        String second = mailedToken();

        service.reset(reset(second, NEW_PASSWORD));

        assertInvalidToken(first, "another new passphrase");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofMinutes(30));

        assertInvalidToken(token, NEW_PASSWORD);
        assertThat(fx.users.stored(jane.id()).orElseThrow().passwordHash())
                .isEqualTo(FakePasswordHasher.hashOf(Fixture.PASSWORD));
    }

    @Test
    void anUnknownTokenCostsNoHashing() {
        assertInvalidToken("forged", NEW_PASSWORD);
        assertInvalidToken(null, NEW_PASSWORD);
        assertInvalidToken("x".repeat(257), NEW_PASSWORD);

        assertThat(fx.hasher.hashCalls()).isZero();
    }

    @Test
    void aResetLiftsALockout() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> login.authenticate(Fixture.credentials("jane", "wrong password")))
                    .isInstanceOf(AuthenticationFailedException.class);
        }

        service.reset(reset(mailedToken(), NEW_PASSWORD));

        assertThat(login.authenticate(Fixture.credentials("jane", NEW_PASSWORD)).accessToken()).isNotBlank();
    }

    @Test
    void theOwnerIsMailedThatThePasswordChangedAfterCommitAndTheResetIsASecurityEvent() {
        login();
        login();
        fx.clock.advance(Duration.ofMinutes(5));

        service.reset(reset(mailedToken(), NEW_PASSWORD));

        assertThat(fx.passwordChangedMailer.sent()).singleElement().satisfies(notice -> {
            assertThat(notice.recipient()).isEqualTo(jane.email());
            assertThat(notice.changedAt()).isEqualTo(fx.clock.instant());
        });
        assertThat(fx.passwordChangedMailer.calledInsideTransaction()).isFalse();
        assertThat(fx.securityLog.events(SecurityEvent.Type.PASSWORD_RESET_COMPLETED))
                .containsExactly(SecurityEvent.passwordResetCompleted(jane.id(), 2));
    }

    @Test
    void aRefusedTokenChangesNothingAndTellsNobody() {
        String token = mailedToken();
        fx.clock.advance(Duration.ofMinutes(30));

        assertInvalidToken(token, NEW_PASSWORD);
        assertInvalidToken("no-such-token", NEW_PASSWORD);

        assertThat(fx.passwordChangedMailer.sent()).isEmpty();
        assertThat(fx.securityLog.events(SecurityEvent.Type.PASSWORD_RESET_COMPLETED)).isEmpty();
    }

    @Test
    void hashingHappensOutsideTheTransaction() {
        service.reset(reset(mailedToken(), NEW_PASSWORD));

        assertThat(fx.hasher.calledInsideTransaction()).isFalse();
    }

    private static ResetPasswordCommand reset(String token, String newPassword) {
        return new ResetPasswordCommand(token, new Password(newPassword));
    }

    private String mailedToken() {
        request.request(new RequestPasswordResetCommand(new Email("jane@example.com")));
        List<org.openreferral.application.fakes.RecordingLinkMailer.Sent> sent = fx.mailer.sent();
        return sent.get(sent.size() - 1).token();
    }

    private IssuedTokens login() {
        return login.authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
    }

    private void assertInvalidToken(String token, String password) {
        assertThatThrownBy(() -> service.reset(reset(token, password)))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-reset-token"));
    }
}
