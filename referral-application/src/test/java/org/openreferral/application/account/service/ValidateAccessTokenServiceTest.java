package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.LogOutUseCase.LogOutCommand;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase.ValidateAccessTokenCommand;
import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.fakes.FakeSubjectExistenceCache;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

class ValidateAccessTokenServiceTest {

    // No machine client exists here: these tests are about people's tokens (MachineClientsTest covers clients).
    private static final ClientSubjects NO_CLIENTS = client -> false;

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final ValidateAccessTokenService service = new ValidateAccessTokenService(fx.sessions, fx.users,
            fx.unitOfWork, new FakeSubjectExistenceCache(fx.clock), Duration.ofSeconds(30), NO_CLIENTS);

    @Test
    void aTokenOfAnExistingUserThatNobodyRevokedCounts() {
        validate(jane.id().value(), "jti-1", UUID.randomUUID());

        assertThat(fx.denyList.lookups()).isEqualTo(1);
    }

    @Test
    void aDeniedTokenIdIsRefused() {
        fx.denyList.deny("jti:jti-1", Duration.ofMinutes(15));

        assertRevoked(jane.id().value(), "jti-1", null);
    }

    @Test
    void everyTokenOfADeniedSessionIsRefused() {
        SessionId session = SessionId.newId();
        fx.denyList.deny(SessionTokens.sessionEntry(session), Duration.ofMinutes(15));

        assertRevoked(jane.id().value(), "jti-2", session.value());
        validate(jane.id().value(), "jti-3", UUID.randomUUID());
    }

    @Test
    void anUnknownSubjectIsRefusedEveryTime() {
        UUID stranger = UUID.randomUUID();

        assertRevoked(stranger, "jti-1", null);
        assertRevoked(stranger, "jti-1", null);

        assertThat(fx.users.existsByIdCalls()).isEqualTo(2);
    }

    @Test
    void anExistingSubjectIsLookedUpOncePerPeriod() {
        validate(jane.id().value(), "jti-1", null);
        validate(jane.id().value(), "jti-1", null);
        fx.clock.advance(Duration.ofSeconds(29));
        validate(jane.id().value(), "jti-1", null);
        assertThat(fx.users.existsByIdCalls()).isEqualTo(1);

        fx.clock.advance(Duration.ofSeconds(1));
        validate(jane.id().value(), "jti-1", null);

        assertThat(fx.users.existsByIdCalls()).isEqualTo(2);
    }

    @Test
    void withAZeroPeriodEveryRequestAsksTheDatabase() {
        ValidateAccessTokenService uncached = new ValidateAccessTokenService(fx.sessions, fx.users, fx.unitOfWork,
                new FakeSubjectExistenceCache(fx.clock), Duration.ZERO, NO_CLIENTS);

        uncached.validate(new ValidateAccessTokenCommand(jane.id().value(), "jti-1", null));
        uncached.validate(new ValidateAccessTokenCommand(jane.id().value(), "jti-1", null));

        assertThat(fx.users.existsByIdCalls()).isEqualTo(2);
    }

    @Test
    void aUserWhoVanishesIsRefusedOnceThePeriodIsOver() {
        validate(jane.id().value(), "jti-1", null);
        fx.users.remove(jane.id());
        fx.clock.advance(Duration.ofSeconds(30));

        assertRevoked(jane.id().value(), "jti-1", null);
    }

    @Test
    void whileTheDenyListAnswersNoRequestAsksTheDatabaseAboutRevocations() {
        UUID session = loggedIn();
        validate(jane.id().value(), "jti-1", session);
        int reads = fx.unitOfWork.reads();

        validate(jane.id().value(), "jti-1", session);
        validate(jane.id().value(), "jti-2", session);

        assertThat(fx.unitOfWork.reads()).isEqualTo(reads);
        assertThat(fx.denyList.lookups()).isEqualTo(3);
    }

    @Test
    void whileTheDenyListCannotAnswerTheDatabaseRefusesARevokedSessionAndAcceptsALiveOne() {
        UUID loggedOut = loggedIn();
        UUID live = loggedIn();
        fx.denyList.unreachable(true);

        logOut(loggedOut, "jti-1");

        assertThat(fx.unitOfWork.reading(() -> fx.refreshTokens.isSessionRevoked(new SessionId(loggedOut)))).isTrue();
        assertRevoked(jane.id().value(), "jti-1", loggedOut);
        assertRevoked(jane.id().value(), "jti-other", loggedOut);
        validate(jane.id().value(), "jti-2", live);
    }

    @Test
    void aLogoutTheDenyListMissedIsPushedToItAgainOnceItAnswers() {
        UUID loggedOut = loggedIn();
        UUID live = loggedIn();
        fx.denyList.unreachable(true);
        logOut(loggedOut, "jti-1");
        assertThat(fx.denyList.isAnyDenied(List.of("sid:" + loggedOut))).as("the denial was lost").isFalse();

        fx.denyList.unreachable(false);
        validate(jane.id().value(), "jti-2", live);

        assertThat(fx.denyList.refills()).isEqualTo(1);
        assertThat(fx.denyList.isAnyDenied(List.of("sid:" + loggedOut))).isTrue();
        assertThat(fx.denyList.ttlOf("sid:" + loggedOut)).hasValueSatisfying(
                ttl -> assertThat(ttl).isPositive().isLessThanOrEqualTo(fx.tokens.longestValidity()));
        int reads = fx.unitOfWork.reads();
        assertRevoked(jane.id().value(), "jti-3", loggedOut);
        validate(jane.id().value(), "jti-2", live);
        assertThat(fx.unitOfWork.reads()).as("the list answers alone again").isEqualTo(reads);
    }

    @Test
    void aSessionRevokedLongerAgoThanAnyTokenLivesIsNotPushedAgain() {
        UUID old = loggedIn();
        logOut(old, "jti-old");
        fx.clock.advance(fx.tokens.longestValidity());
        UUID live = loggedIn();
        fx.denyList.unreachable(true);
        validate(jane.id().value(), "jti-1", live);
        fx.denyList.unreachable(false);
        validate(jane.id().value(), "jti-1", live);

        assertThat(fx.denyList.refills()).isEqualTo(1);
        assertThat(fx.denyList.ttlOf("sid:" + old)).as("only the first denial, at logout")
                .contains(fx.tokens.longestValidity());
    }

    @Test
    void whenNeitherTheDenyListNorTheDatabaseAnswersTheTokenIsNeverAccepted() {
        UnitOfWork databaseDown = new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                throw new ServiceUnavailableException("The database is unavailable; please retry shortly.");
            }
        };
        SessionTokens sessions = new SessionTokens(fx.tokens, fx.users, fx.refreshTokens, fx.secrets, fx.denyList,
                databaseDown, SessionTokens.Policy.defaults(), fx.clock);
        FakeSubjectExistenceCache known = new FakeSubjectExistenceCache(fx.clock);
        known.rememberExists(jane.id(), Duration.ofMinutes(1));
        ValidateAccessTokenService validation = new ValidateAccessTokenService(sessions, fx.users, databaseDown,
                known, Duration.ofSeconds(30), NO_CLIENTS);
        fx.denyList.unreachable(true);

        assertThatThrownBy(() -> validation.validate(
                new ValidateAccessTokenCommand(jane.id().value(), "jti-1", UUID.randomUUID())))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    private UUID loggedIn() {
        fx.authentication()
                .authenticate(Fixture.credentials("jane", Fixture.PASSWORD));
        List<SessionId> sessions = fx.tokens.sessions();
        return sessions.get(sessions.size() - 1).value();
    }

    private void logOut(UUID session, String tokenId) {
        new LogOutService(fx.users, fx.refreshTokens, fx.sessions, fx.unitOfWork, fx.clock).logOut(new LogOutCommand(
                Fixture.callerOf(jane), new SessionId(session), tokenId,
                fx.clock.instant().plus(Duration.ofMinutes(5))));
    }

    private void validate(UUID subject, String tokenId, UUID session) {
        service.validate(new ValidateAccessTokenCommand(subject, tokenId, session));
    }

    private void assertRevoked(UUID subject, String tokenId, UUID session) {
        assertThatThrownBy(() -> validate(subject, tokenId, session))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.code()).isEqualTo("token-revoked"));
    }
}
