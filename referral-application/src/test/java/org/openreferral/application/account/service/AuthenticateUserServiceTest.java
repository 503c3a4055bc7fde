package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.out.SecurityEvent;
import org.openreferral.application.fakes.FakeTokenIssuer;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.User;

class AuthenticateUserServiceTest {

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("Jane_Doe", "jane@example.com");
    private final AuthenticateUserService service =
            fx.authentication();

    @ParameterizedTest
    @ValueSource(strings = {"Jane_Doe", "jane_doe", "JANE_DOE", "  jane_doe  "})
    void logsInByUsernameInAnyCase(String login) {
        IssuedTokens tokens = service.authenticate(Fixture.credentials(login, Fixture.PASSWORD));

        assertThat(tokens.accessToken()).isEqualTo("access-for-" + jane.id());
        assertThat(tokens.accessTokenLifetime()).isEqualTo(FakeTokenIssuer.LIFETIME);
        assertThat(fx.tokens.issuedTo()).containsExactly(jane.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane@Example.COM"})
    void logsInByEmailInAnyCase(String login) {
        IssuedTokens tokens = service.authenticate(Fixture.credentials(login, Fixture.PASSWORD));

        assertThat(tokens.accessToken()).isEqualTo("access-for-" + jane.id());
    }

    @Test
    void passwordGrantAlsoHandsOutARefreshToken() {
        IssuedTokens tokens = service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD));

        assertThat(tokens.refreshToken()).isNotBlank();
    }

    @Test
    void wrongPasswordIsRefusedAndNoTokenIssued() {
        AuthenticationFailedException e = catchThrowableOfType(AuthenticationFailedException.class,
                () -> service.authenticate(Fixture.credentials("jane_doe", "not the password")));

        assertThat(e.code()).isEqualTo("invalid-credentials");
        assertThat(fx.tokens.issuedTo()).isEmpty();
    }

    @Test
    void passwordIsCaseSensitive() {
        assertThatThrownBy(() -> service.authenticate(
                Fixture.credentials("jane_doe", Fixture.PASSWORD.toUpperCase())))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void unknownUserGetsTheSameAnswerAsAWrongPassword() {
        AuthenticationFailedException wrongPassword = catchThrowableOfType(AuthenticationFailedException.class,
                () -> service.authenticate(Fixture.credentials("jane_doe", "not the password")));
        AuthenticationFailedException unknownUser = catchThrowableOfType(AuthenticationFailedException.class,
                () -> service.authenticate(Fixture.credentials("nobody", "not the password")));

        assertThat(unknownUser.code()).isEqualTo(wrongPassword.code()).isEqualTo("invalid-credentials");
        assertThat(unknownUser.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertThat(fx.tokens.issuedTo()).isEmpty();
    }

    @Test
    void unknownUserCostsAPasswordCheckAllTheSame() {
        assertThatThrownBy(() -> service.authenticate(Fixture.credentials("nobody@example.com", "whatever1")))
                .isInstanceOf(AuthenticationFailedException.class);

        assertThat(fx.hasher.matchesCalls()).isEqualTo(1);

        assertThatThrownBy(() -> service.authenticate(Fixture.credentials("nobody", "whatever1")))
                .isInstanceOf(AuthenticationFailedException.class);

        assertThat(fx.hasher.matchesCalls()).isEqualTo(2);
    }

    @Test
    void unknownUserIsRefusedEvenWithTheDecoyPassword() {
        assertThatThrownBy(() -> service.authenticate(
                Fixture.credentials("nobody", "decoy password that matches no account")))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(fx.tokens.issuedTo()).isEmpty();
    }

    @Test
    void aPasswordThePolicyWouldRefuseIsStillCheckedAgainstTheStoredHash() {
        assertInvalidCredentials("jane_doe", "a");

        assertThat(fx.hasher.matchesCalls()).isEqualTo(1);
    }

    @Test
    void credentialsNeverShowInLogs() {
        assertThat(Fixture.credentials("jane", "s3cret-pass").toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void aSuccessfulLoginOpensASessionWhoseRefreshTokenIsStoredOnlyAsADigest() {
        IssuedTokens tokens = service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD));

        assertThat(fx.refreshTokens.all()).singleElement().satisfies(stored -> {
            assertThat(stored.digest()).isEqualTo(fx.secrets.digestOf(tokens.refreshToken()))
                    .isNotEqualTo(tokens.refreshToken());
            assertThat(stored.user()).isEqualTo(jane.id());
            assertThat(stored.session()).isEqualTo(fx.tokens.sessions().get(0));
            assertThat(stored.expiresAt()).isEqualTo(Fixture.START.plus(java.time.Duration.ofDays(30)));
        });
    }

    @Test
    void eachLoginIsASessionOfItsOwn() {
        service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD));
        service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD));

        assertThat(fx.tokens.sessions()).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefusedUntilTheFirstLockoutEnds() {
        failTimes("jane_doe", 5);

        assertInvalidCredentials("jane_doe", Fixture.PASSWORD);
        fx.clock.advance(java.time.Duration.ofSeconds(59));
        assertInvalidCredentials("jane_doe", Fixture.PASSWORD);
        fx.clock.advance(java.time.Duration.ofSeconds(1));

        assertThat(service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD)).accessToken())
                .isEqualTo("access-for-" + jane.id());
    }

    @Test
    void failuresCountPerAccountWhateverTheSpellingOfTheLogin() {
        failTimes("jane_doe", 2);
        failTimes("JANE_DOE", 2);
        failTimes("Jane@Example.com", 1);

        assertInvalidCredentials("jane_doe", Fixture.PASSWORD);
    }

    @Test
    void aLockedAccountCostsNoPasswordCheck() {
        failTimes("jane_doe", 5);
        int before = fx.hasher.matchesCalls();

        assertInvalidCredentials("jane_doe", Fixture.PASSWORD);

        assertThat(fx.hasher.matchesCalls()).isEqualTo(before);
    }

    @Test
    void fourFailuresThenSuccessStartTheCountAfresh() {
        failTimes("jane_doe", 4);
        service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD));
        failTimes("jane_doe", 4);

        assertThat(service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD)).accessToken())
                .isNotBlank();
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        failTimes("jane_doe", 4);
        fx.clock.advance(java.time.Duration.ofMinutes(15));
        failTimes("jane_doe", 4);

        assertThat(service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD)).accessToken())
                .isNotBlank();
    }

    @Test
    void unknownLoginsAreLockedOutLikeExistingOnes() {
        failTimes("ghost", 5);
        int before = fx.hasher.matchesCalls();

        assertInvalidCredentials("GHOST", "whatever1");

        assertThat(fx.hasher.matchesCalls()).isEqualTo(before);
    }

    @Test
    void eachLockoutIsOneSecurityEventWithTheUserIdOrAMaskedLogin() {
        failTimes("jane@example.com", 8);
        failTimes("ghost@example.com", 6);

        assertThat(fx.securityLog.events()).containsExactly(
                SecurityEvent.accountLocked(Optional.of(jane.id()), new LoginName("Jane_Doe"), Duration.ofMinutes(1),
                        "network"),
                SecurityEvent.accountLocked(Optional.empty(), new LoginName("ghost@example.com"),
                        Duration.ofMinutes(1), "network"));
        assertThat(fx.securityLog.events().get(0).fields()).containsExactly(entry("user", jane.id().toString()),
                entry("scope", "network"), entry("locked-for", "PT1M"));
        assertThat(fx.securityLog.events().get(1).fields())
                .containsExactly(entry("login", "g***"), entry("scope", "network"), entry("locked-for", "PT1M"));
    }

    @Test
    void loginsRefusedBeforeTheirPasswordCheckDoNotCountAsFailures() {
        failTimes("jane_doe", 4);
        fx.hasher.refuseNextChecks(60);
        for (int i = 0; i < 60; i++) {
            assertThatThrownBy(() -> service.authenticate(Fixture.credentials("jane_doe", "not the password")))
                    .isInstanceOfSatisfying(ServiceUnavailableException.class,
                            e -> assertThat(e.code()).isEqualTo("overloaded"));
        }

        assertThat(service.authenticate(Fixture.credentials("jane_doe", Fixture.PASSWORD)).accessToken())
                .isNotBlank();
        assertThat(fx.securityLog.events()).isEmpty();
    }

    @Test
    void oneLockedAccountLeavesOthersAlone() {
        fx.user("john", "john@example.com");
        failTimes("jane_doe", 6);

        assertThat(service.authenticate(Fixture.credentials("john", Fixture.PASSWORD)).accessToken())
                .isNotBlank();
    }

    private void failTimes(String login, int times) {
        for (int i = 0; i < times; i++) {
            assertInvalidCredentials(login, "not the password");
        }
    }

    private void assertInvalidCredentials(String login, String password) {
        assertThatThrownBy(() -> service.authenticate(Fixture.credentials(login, password)))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-credentials"));
    }
}
