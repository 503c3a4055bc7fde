package org.openreferral.application.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.AuthenticateUserUseCase.AuthenticateUserCommand;
import org.openreferral.application.account.port.in.IssuedTokens;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase.PurgeLoginThrottlesCommand;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.PresentedPassword;
import org.openreferral.domain.model.user.User;

/**
 * The lockout policy of the password grant (defaults: 5 failures per network and 15 minutes, first lockout 1 minute
 * doubling up to 15, 50 failures per account and 24 hours), through the use case over fakes.
 */
class LoginLockoutPolicyTest {

    private static final String WRONG = "not the password";
    private static final String HOME = "198.51.100.7";
    private static final String ELSEWHERE = "203.0.113.9";

    private final Fixture fx = new Fixture();
    private final User jane = fx.user("jane", "jane@example.com");
    private final AuthenticateUserService service = fx.authentication();

    @Test
    void afterFiveFailuresFromOneNetworkTheRightPasswordIsRefusedWithoutAHashUntilTheFirstLockoutEnds() {
        failTimes("jane", ELSEWHERE, 5);
        int hashes = fx.hasher.matchesCalls();

        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE);
        fx.clock.advance(Duration.ofSeconds(59));
        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE);
        assertThat(fx.hasher.matchesCalls()).as("locked attempts are not hashed").isEqualTo(hashes);

        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(login("jane", Fixture.PASSWORD, ELSEWHERE, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void anotherNetworkIsNotLockedOutByTheFailuresOfTheFirst() {
        failTimes("jane", ELSEWHERE, 6);

        assertThat(login("jane", Fixture.PASSWORD, HOME, Optional.empty()).accessToken()).isNotBlank();
        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE);
    }

    @Test
    void eachFurtherLockoutOfANetworkLastsTwiceAsLongUpToTheLongest() {
        for (Duration lockout : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)}) {
            failTimes("jane", ELSEWHERE, 6);
            fx.clock.advance(lockout.minusSeconds(1));
            assertRefused("jane", Fixture.PASSWORD, ELSEWHERE);
            fx.clock.advance(Duration.ofSeconds(1));
        }

        assertThat(login("jane", Fixture.PASSWORD, ELSEWHERE, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void aQuietNetworkStartsAgainFromTheFirstLockout() {
        failTimes("jane", ELSEWHERE, 6);
        fx.clock.advance(Duration.ofMinutes(1));
        failTimes("jane", ELSEWHERE, 6);
        fx.clock.advance(Duration.ofMinutes(2).plus(Duration.ofMinutes(15)));

        failTimes("jane", ELSEWHERE, 6);
        fx.clock.advance(Duration.ofMinutes(1));

        assertThat(login("jane", Fixture.PASSWORD, ELSEWHERE, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void aSuccessForgetsTheFailuresOfItsNetwork() {
        failTimes("jane", HOME, 4);
        login("jane", Fixture.PASSWORD, HOME, Optional.empty());
        failTimes("jane", HOME, 4);

        assertThat(login("jane", Fixture.PASSWORD, HOME, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void failuresFromManyNetworksAboveTheAccountCeilingLockTheAccountForEveryNetworkForADay() {
        for (int network = 0; network < 10; network++) {
            failTimes("jane", "192.0.2." + network, 5);
        }
        int hashes = fx.hasher.matchesCalls();

        assertRefused("jane", Fixture.PASSWORD, "192.0.2.99");
        assertRefused("jane", Fixture.PASSWORD, HOME);
        assertThat(fx.hasher.matchesCalls()).isEqualTo(hashes);
        assertThat(fx.securityLog.events()).singleElement()
                .satisfies(event -> assertThat(event.fields()).containsEntry("scope", "account")
                        .containsEntry("locked-for", "PT24H"));

        fx.clock.advance(Duration.ofHours(24));
        assertThat(login("jane", Fixture.PASSWORD, HOME, Optional.empty()).accessToken()).isNotBlank();
    }

    @Test
    void unknownLoginsAreBudgetedPerNetworkAndPerAccountBeforeAnyHash() {
        failTimes("ghost", ELSEWHERE, 5);
        int hashes = fx.hasher.matchesCalls();
        assertRefused("GHOST", "whatever1", ELSEWHERE);
        assertThat(fx.hasher.matchesCalls()).isEqualTo(hashes);

        for (int network = 0; network < 10; network++) {
            failTimes("ghost", "192.0.2." + network, 5);
        }
        hashes = fx.hasher.matchesCalls();
        assertRefused("ghost", "whatever1", HOME);
        assertThat(fx.hasher.matchesCalls()).isEqualTo(hashes);
    }

    @Test
    void aDeviceThatProvedThePasswordLogsInWhileOthersLockTheAccount() {
        String device = login("jane", Fixture.PASSWORD, HOME, Optional.empty()).deviceToken().orElseThrow().value();
        failTimes("jane", HOME, 6);
        for (int network = 0; network < 10; network++) {
            failTimes("jane", "192.0.2." + network, 5);
        }
        assertRefused("jane", Fixture.PASSWORD, HOME);

        assertThat(login("jane", Fixture.PASSWORD, HOME, Optional.of(device)).accessToken()).isNotBlank();
    }

    @Test
    void aDeviceIsLockedOutByItsOwnFailuresOnlyAndThenCountsForNothingElse() {
        String device = login("jane", Fixture.PASSWORD, HOME, Optional.empty()).deviceToken().orElseThrow().value();
        for (int i = 0; i < 6; i++) {
            assertRefused("jane", WRONG, HOME, Optional.of(device));
        }

        assertRefused("jane", Fixture.PASSWORD, HOME, Optional.of(device));
        assertThat(login("jane", Fixture.PASSWORD, HOME, Optional.empty()).accessToken())
                .as("the device's failures did not count for its network").isNotBlank();
        assertThat(fx.securityLog.events()).singleElement()
                .satisfies(event -> assertThat(event.fields()).containsEntry("scope", "device"));
    }

    @Test
    void aDeviceTokenOfAnotherAccountOrAForgedOneIsNoDevice() {
        fx.user("john", "john@example.com");
        String johnsDevice = login("john", Fixture.PASSWORD, HOME, Optional.empty()).deviceToken().orElseThrow()
                .value();
        failTimes("jane", ELSEWHERE, 6);

        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE, Optional.of(johnsDevice));
        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE, Optional.of("device-token-forged"));
    }

    @Test
    void aSuccessfulLoginHandsOutADeviceTokenOfTheAccountLivingItsLifetime() {
        IssuedTokens.DeviceToken device = login("jane", Fixture.PASSWORD, HOME, Optional.empty()).deviceToken()
                .orElseThrow();

        assertThat(device.lifetime()).isEqualTo(Fixture.DEVICE_LIFETIME);
        assertThat(fx.deviceTokens.verify(device.value(), fx.clock.instant()).orElseThrow().user())
                .isEqualTo(jane.id());
        assertThat(fx.deviceTokens.verify(device.value(), fx.clock.instant().plus(Fixture.DEVICE_LIFETIME)))
                .isEmpty();
    }

    @Test
    void thePurgeDeletesExpiredBucketsInBatchesAndKeepsALiveLockout() {
        failTimes("ghost", ELSEWHERE, 6);
        for (int network = 0; network < 5; network++) {
            failTimes("ghost" + network, "192.0.2." + network, 1);
        }
        fx.clock.advance(Duration.ofMinutes(30));
        failTimes("jane", ELSEWHERE, 6);
        PurgeLoginThrottlesService purge = new PurgeLoginThrottlesService(fx.loginThrottles, fx.unitOfWork, fx.clock,
                2);

        assertThat(purge.purge(new PurgeLoginThrottlesCommand())).as("the networks of ghost and ghost0..4")
                .isEqualTo(6);
        assertThat(fx.loginThrottles.size()).as("jane's network and account, the accounts of ghost and ghost0..4")
                .isEqualTo(8);
        assertRefused("jane", Fixture.PASSWORD, ELSEWHERE);
    }

    private IssuedTokens login(String login, String password, String network, Optional<String> device) {
        return service.authenticate(new AuthenticateUserCommand(new LoginName(login), new PresentedPassword(password),
                network, device));
    }

    private void failTimes(String login, String network, int times) {
        for (int i = 0; i < times; i++) {
            assertRefused(login, WRONG, network);
        }
    }

    private void assertRefused(String login, String password, String network) {
        assertRefused(login, password, network, Optional.empty());
    }

    private void assertRefused(String login, String password, String network, Optional<String> device) {
        assertThatThrownBy(() -> login(login, password, network, device))
                .isInstanceOfSatisfying(AuthenticationFailedException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid-credentials"));
    }
}
