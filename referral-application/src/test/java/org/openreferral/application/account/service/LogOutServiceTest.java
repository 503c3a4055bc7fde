package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.LogOutUseCase.LogOutCommand;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

class LogOutServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final AuthenticateUserService login =
            fx.authentication();
    private final LogOutService service = new LogOutService(fx.users, fx.refreshTokens, fx.sessions, fx.unitOfWork,
            fx.clock);

    @Test
    void logoutRevokesTheSessionsRefreshTokensAndDeniesTheTokenForItsRemainingLife() {
        IssuedTokens tokens = login();
        SessionId session = fx.tokens.sessions().get(0);
        fx.clock.advance(Duration.ofMinutes(5));

        service.logOut(new LogOutCommand(Fixture.callerOf(jane), session, "jti-1",
                fx.clock.instant().plus(Duration.ofMinutes(10))));

        assertThat(fx.refreshTokens.ofSession(session)).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.REVOKED));
        assertThat(fx.denyList.ttlOf("jti:jti-1")).contains(Duration.ofMinutes(10).plusSeconds(31));
        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(session)))).isTrue();
        RefreshAccessTokenService refresh =
                new RefreshAccessTokenService(fx.users, fx.refreshTokens, fx.sessions, fx.unitOfWork,
                    Duration.ofDays(90), fx.securityLog, fx.clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> refresh.refresh(new RefreshAccessTokenCommand(tokens.refreshToken())))
                .hasMessageContaining("refresh token");
    }

    @Test
    void logoutLeavesTheCallersOtherSessionsAlone() {
        login();
        login();
        SessionId first = fx.tokens.sessions().get(0);
        SessionId second = fx.tokens.sessions().get(1);

        service.logOut(new LogOutCommand(Fixture.callerOf(jane), first, "jti-1",
                fx.clock.instant().plus(Duration.ofMinutes(15))));

        assertThat(fx.refreshTokens.ofSession(second)).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.ACTIVE));
    }

    @Test
    void nobodyCanEndAnotherUsersSession() {
        login();
        SessionId janes = fx.tokens.sessions().get(0);
        User mallory = fx.user("mallory", "mallory@example.com");

        service.logOut(new LogOutCommand(Fixture.callerOf(mallory), janes, "jti-m",
                fx.clock.instant().plus(Duration.ofMinutes(15))));

        assertThat(fx.refreshTokens.ofSession(janes)).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.ACTIVE));
    }

    @Test
    void aTokenWithoutSessionIsDeniedAllTheSame() {
        service.logOut(new LogOutCommand(Fixture.callerOf(jane), null, "jti-old",
                fx.clock.instant().plus(Duration.ofMinutes(1))));

        assertThat(fx.denyList.isAnyDenied(List.of("jti:jti-old"))).isTrue();
    }

    @Test
    void theDenialNeverOutlivesTheLongestAcceptedToken() {
        service.logOut(new LogOutCommand(Fixture.callerOf(jane), null, "jti-far",
                fx.clock.instant().plus(Duration.ofDays(2))));

        assertThat(fx.denyList.ttlOf("jti:jti-far")).contains(Duration.ofMinutes(15).plusSeconds(30));
    }

    private IssuedTokens login() {
        return login.authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
    }
}
