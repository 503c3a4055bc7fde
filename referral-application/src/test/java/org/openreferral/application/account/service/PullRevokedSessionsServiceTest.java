package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.LogOutUseCase.LogOutCommand;
import org.openreferral.application.fakes.FakeAccessTokenDenyList;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

/** Several instances, each with its own deny-list: what one revokes, the others take in with their next pull. */
class PullRevokedSessionsServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    // Another instance: the same database, a deny-list of its own.
    private final SessionTokens otherInstance = new SessionTokens(fx.tokens, fx.users, fx.refreshTokens, fx.secrets,
            new FakeAccessTokenDenyList(fx.clock), fx.unitOfWork, SessionTokens.Policy.defaults(), fx.clock);
    private final PullRevokedSessionsService pull = new PullRevokedSessionsService(fx.sessions);

    @Test
    void aSessionLoggedOutOnAnotherInstanceIsDeniedHereAfterThePullAndALiveOneIsNot() {
        SessionId loggedOut = loggedIn();
        SessionId live = loggedIn();
        logOutElsewhere(loggedOut);
        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(loggedOut)))).isFalse();

        pull.pull();

        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(loggedOut)))).isTrue();
        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(live)))).isFalse();
    }

    @Test
    void aLaterPullTakesWhatWasRevokedSinceTheFirstForTheRestOfItsTokensLife() {
        SessionId session = loggedIn();
        pull.pull();
        logOutElsewhere(session);
        fx.clock.advance(Duration.ofSeconds(5));

        pull.pull();

        assertThat(fx.denyList.isAnyDenied(List.of(SessionTokens.sessionEntry(session)))).isTrue();
        assertThat(fx.denyList.ttlOf(SessionTokens.sessionEntry(session)))
                .contains(fx.tokens.longestValidity().minusSeconds(5));
    }

    @Test
    void aSessionRevokedLongerAgoThanAnyTokenLivesIsNotTakenIn() {
        SessionId old = loggedIn();
        logOutElsewhere(old);
        fx.clock.advance(fx.tokens.longestValidity());

        pull.pull();

        assertThat(fx.denyList.ttlOf(SessionTokens.sessionEntry(old))).isEmpty();
    }

    private SessionId loggedIn() {
        fx.authentication()
                .authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
        List<SessionId> sessions = fx.tokens.sessions();
        return sessions.get(sessions.size() - 1);
    }

    private void logOutElsewhere(SessionId session) {
        new LogOutService(fx.users, fx.refreshTokens, otherInstance, fx.unitOfWork, fx.clock).logOut(new LogOutCommand(
                Fixture.callerOf(jane), session, "jti-" + session.value(), fx.clock.instant().plusSeconds(60)));
    }
}
