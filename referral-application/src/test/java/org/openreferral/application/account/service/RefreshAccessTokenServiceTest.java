package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.RefreshTokenStatus;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

class RefreshAccessTokenServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final AuthenticateUserService login =
            fx.authentication();
    private final RefreshAccessTokenService service =
            new RefreshAccessTokenService(fx.users, fx.refreshTokens, fx.sessions, fx.unitOfWork,
                    Duration.ofDays(90), fx.securityLog, fx.clock);

    @Test
    void aRefreshTokenIsExchangedForNewTokensOfTheSameSession() {
        IssuedTokens first = login();
        SessionId session = fx.tokens.sessions().get(0);
        fx.clock.advance(Duration.ofDays(3));

        IssuedTokens second = refresh(first.refreshToken());

        assertThat(second.accessToken()).isEqualTo("access-for-" + jane.id());
        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(fx.tokens.sessions()).containsExactly(session, session);
        assertThat(fx.refreshTokens.ofSession(session)).extracting(token -> token.status())
                .containsExactly(RefreshTokenStatus.ROTATED, RefreshTokenStatus.ACTIVE);
        assertThat(fx.refreshTokens.ofSession(session).get(1).expiresAt())
                .isEqualTo(fx.clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void aSessionEndsNinetyDaysAfterItsLoginHoweverOftenItIsRefreshed() {
        IssuedTokens tokens = login();
        for (int refresh = 0; refresh < 3; refresh++) {
            fx.clock.advance(Duration.ofDays(29));
            tokens = service.refresh(new RefreshAccessTokenCommand(tokens.refreshToken()));
        }
        // Day 87: the successor lives only until the session's end, not 30 more days.
        SessionId session = fx.tokens.sessions().get(0);
        List<RefreshToken> stored = fx.refreshTokens.ofSession(session);
        assertThat(stored.get(stored.size() - 1).expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofDays(90)));
        fx.clock.advance(Duration.ofDays(2));
        IssuedTokens lastDay = service.refresh(new RefreshAccessTokenCommand(tokens.refreshToken()));
        fx.clock.set(Fixture.START.plus(Duration.ofDays(90)));

        assertThatThrownBy(() -> service.refresh(new RefreshAccessTokenCommand(lastDay.refreshToken())))
                .isInstanceOf(AuthenticationFailedException.class)
                .extracting(e -> ((AuthenticationFailedException) e).code()).isEqualTo("invalid-grant");
    }

    @Test
    void theTokenRowIsReadUnderLock() {
        IssuedTokens first = login();

        refresh(first.refreshToken());

        assertThat(fx.refreshTokens.lockedLookups()).isEqualTo(1);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeSessionAndItsAccessTokens() {
        IssuedTokens first = login();
        SessionId session = fx.tokens.sessions().get(0);
        IssuedTokens second = refresh(first.refreshToken());

        assertInvalidGrant(first.refreshToken());

        assertThat(fx.refreshTokens.ofSession(session)).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.REVOKED));
        assertInvalidGrant(second.refreshToken());
        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(session)))).isTrue();
        assertThat(fx.denyList.ttlOf(SessionTokens.sessionEntry(session)))
                .contains(Duration.ofMinutes(15).plusSeconds(30));
    }

    @Test
    void aReuseIsASecurityEventNamingTheUserAndTheRevokedSession() {
        IssuedTokens first = login();
        SessionId session = fx.tokens.sessions().get(0);
        refresh(first.refreshToken());
        assertInvalidGrant("never-issued");
        assertThat(fx.securityLog.events()).isEmpty();

        assertInvalidGrant(first.refreshToken());

        assertThat(fx.securityLog.events()).containsExactly(SecurityEvent.refreshTokenReused(jane.id(), session));
    }

    @Test
    void reuseLeavesOtherSessionsOfTheUserAlone() {
        IssuedTokens phone = login();
        IssuedTokens laptop = login();
        refresh(phone.refreshToken());

        assertInvalidGrant(phone.refreshToken());

        assertThat(refresh(laptop.refreshToken()).refreshToken()).isNotBlank();
    }

    @Test
    void anExpiredTokenIsRefused() {
        IssuedTokens first = login();
        fx.clock.advance(Duration.ofDays(30));

        assertInvalidGrant(first.refreshToken());
    }

    @Test
    void unknownMissingOrOverlongTokensAreRefusedAlike() {
        assertInvalidGrant("no-such-token");
        assertInvalidGrant(null);
        assertInvalidGrant(" ");
        assertInvalidGrant("x".repeat(257));
        assertThat(fx.tokens.issuedTo()).isEmpty();
    }

    @Test
    void theAccessTokenOfAnotherKindIsNoRefreshToken() {
        IssuedTokens first = login();

        assertInvalidGrant(first.accessToken());
    }

    @Test
    void aTokenOfAVanishedUserIsRefusedAndItsSessionRevoked() {
        IssuedTokens first = login();
        fx.users.remove(jane.id());

        assertInvalidGrant(first.refreshToken());

        assertThat(fx.refreshTokens.all()).allSatisfy(
                token -> assertThat(token.status()).isEqualTo(RefreshTokenStatus.REVOKED));
    }

    @Test
    void everyRefusalReadsTheSame() {
        IssuedTokens first = login();
        refresh(first.refreshToken());
        AuthenticationFailedException reused = catchRefusal(first.refreshToken());
        AuthenticationFailedException unknown = catchRefusal("no-such-token");

        assertThat(reused.code()).isEqualTo(unknown.code()).isEqualTo("invalid-grant");
        assertThat(reused.getMessage()).isEqualTo(unknown.getMessage());
    }

    private IssuedTokens login() {
        return login.authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
    }

    private IssuedTokens refresh(String token) {
        return service.refresh(new RefreshAccessTokenCommand(token));
    }

    private void assertInvalidGrant(String token) {
        assertThatThrownBy(() -> refresh(token)).isInstanceOfSatisfying(AuthenticationFailedException.class,
                e -> assertThat(e.code()).isEqualTo("invalid-grant"));
    }

    private AuthenticationFailedException catchRefusal(String token) {
        try {
            refresh(token);
        } catch (AuthenticationFailedException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }
}
