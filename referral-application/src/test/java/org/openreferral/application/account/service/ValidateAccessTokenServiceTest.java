package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.ValidateAccessTokenUseCase.ValidateAccessTokenCommand;
import org.openreferral.application.account.port.out.ClientSubjects;
import org.openreferral.application.fakes.FakeSubjectExistenceCache;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

class ValidateAccessTokenServiceTest {

    // No machine client exists here: these tests are about people's tokens (MachineClientsTest covers clients).
    private static final ClientSubjects NO_CLIENTS = client -> false;

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final ValidateAccessTokenService service = new ValidateAccessTokenService(fx.denyList, fx.users,
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
        ValidateAccessTokenService uncached = new ValidateAccessTokenService(fx.denyList, fx.users, fx.unitOfWork,
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

    private void validate(UUID subject, String tokenId, UUID session) {
        service.validate(new ValidateAccessTokenCommand(subject, tokenId, session));
    }

    private void assertRevoked(UUID subject, String tokenId, UUID session) {
        assertThatThrownBy(() -> validate(subject, tokenId, session))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.code()).isEqualTo("token-revoked"));
    }
}
