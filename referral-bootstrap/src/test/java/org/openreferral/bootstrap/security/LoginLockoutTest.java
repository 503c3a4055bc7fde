package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.ratelimit.AttemptCounters;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Brute-force lockout (defaults): 5 failures of one account from one client network within 15 minutes lock that pair,
 * first for 1 minute, then twice as long each time up to 15; 50 failures from all networks within 24 hours lock the
 * account for every client without a device token. Time moves by the clock; each test is a network of its own and
 * plays others through {@code X-Forwarded-For} (the profile trusts the loopback proxy).
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class LoginLockoutTest extends SecurityTestBase {

    private static final String WRONG = "not the password";
    private static final String DEVICE_COOKIE = "referral_device";

    @Inject
    AttemptCounters rateLimitCounters;

    @Test
    void afterFiveFailuresTheRightPasswordIsRefusedUntilTheFirstLockoutIsOver() {
        Session alice = Accounts.newSession();
        String wrongPasswordAnswer = failTimes(alice.username(), 5);

        String lockedAnswer = Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401)
                .extract().body().asString();
        assertThat(lockedAnswer).isEqualTo(wrongPasswordAnswer);

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(59));
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
        TestClockProducer.CLOCK.advance(Duration.ofSeconds(1));

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void aSecondNetworkIsNotLockedOutByTheFailuresOfTheFirst() {
        Session alice = Accounts.newSession();
        String first = clientAddress;
        failTimes(alice.username(), 6);

        fromNetwork(nextClientAddress());
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
        fromNetwork("2001:db8:7:1::1");
        failTimes(alice.username(), 6);
        fromNetwork("2001:db8:7:2::1");
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);

        fromNetwork("2001:db8:7:1::ffff");
        // The same /64 as the network that failed.
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
        fromNetwork(first);
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
    }

    @Test
    void eachFurtherLockoutOfANetworkLastsTwiceAsLong() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 6);
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(1));
        failTimes(alice.username(), 6);

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(2).minusSeconds(1));
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
        TestClockProducer.CLOCK.advance(Duration.ofSeconds(1));

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void failuresFromManyNetworksAboveTheAccountCeilingLockTheAccountForEveryNetwork() {
        Session alice = Accounts.newSession();
        for (int network = 0; network < 10; network++) {
            fromNetwork(nextClientAddress());
            failTimes(alice.username(), 5);
        }

        fromNetwork(nextClientAddress());
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401)
                .body("code", equalTo("invalid-credentials"));
        TestClockProducer.CLOCK.advance(Duration.ofHours(24));

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void aDeviceThatProvedThePasswordLogsInWhileOthersLockTheAccount() {
        Session alice = Accounts.newSession();
        String device = deviceCookieOf(grant(alice.username(), Api.PASSWORD, Optional.empty()).statusCode(200));
        String home = clientAddress;
        failTimes(alice.username(), 6);
        for (int network = 0; network < 10; network++) {
            fromNetwork(nextClientAddress());
            failTimes(alice.username(), 5);
        }
        fromNetwork(home);
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);

        String renewed = deviceCookieOf(grant(alice.username(), Api.PASSWORD, Optional.of(device)).statusCode(200));

        grant(alice.username(), Api.PASSWORD, Optional.of(renewed)).statusCode(200);
        grant(alice.username(), Api.PASSWORD, Optional.of(device + "x")).statusCode(401);
    }

    @Test
    void theDeviceCookieIsHttpOnlySecureStrictAndOnlyForTheAuthEndpoints() {
        Session alice = Accounts.newSession();

        String header = grant(alice.username(), Api.PASSWORD, Optional.empty()).statusCode(200)
                .extract().header("Set-Cookie");

        assertThat(header).startsWith(DEVICE_COOKIE + "=").contains("Path=/api/v1/auth").contains("HttpOnly")
                .contains("Secure").containsIgnoringCase("SameSite=Strict").contains("Max-Age=7776000");
    }

    @Test
    void aLockoutSurvivesTheRateLimitCountersFillingUp() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 6);

        // More keys than the in-process counters hold (200,000): they start again from nothing.
        Instant now = TestClockProducer.CLOCK.instant();
        for (int i = 0; i <= 200_000; i++) {
            rateLimitCounters.increment("rate:elsewhere:" + i, Duration.ofMinutes(1), now);
        }

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
    }

    @Test
    void failuresCountPerAccountWhateverTheSpelling() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 2);
        failTimes(alice.username().toUpperCase(), 2);
        failTimes(alice.email().toUpperCase(), 1);

        Accounts.passwordGrant(alice.email(), Api.PASSWORD).statusCode(401)
                .body("code", equalTo("invalid-credentials"));
    }

    @Test
    void fourFailuresThenSuccessDoNotLock() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 4);
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
        failTimes(alice.username(), 4);

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        Session alice = Accounts.newSession();
        failTimes(alice.username(), 4);
        TestClockProducer.CLOCK.advance(Duration.ofMinutes(15).plusSeconds(1));
        failTimes(alice.username(), 4);

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void aLockedAccountLeavesOtherAccountsAndExistingSessionsAlone() {
        Session alice = Accounts.newSession();
        Session bob = Accounts.newSession();
        failTimes(alice.username(), 6);

        Accounts.passwordGrant(bob.username(), Api.PASSWORD).statusCode(200);
        Accounts.me(alice.accessToken()).statusCode(200);
    }

    @Test
    void anUnknownAccountIsLockedOutAlikeSoTheAnswerTellsNothing() {
        String ghost = Api.unique("ghost");
        String first = failTimes(ghost, 5);

        String sixth = Accounts.passwordGrant(ghost.toUpperCase(), WRONG).statusCode(401).extract().body().asString();

        assertThat(sixth).isEqualTo(first);
    }

    /** The following requests come from {@code address} (through the trusted loopback proxy). */
    private void fromNetwork(String address) {
        clientAddress = address;
        RestAssured.requestSpecification = null;
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("X-Forwarded-For", address).build();
    }

    private static ValidatableResponse grant(String login, String password, Optional<String> device) {
        var request = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", login)
                .formParam("password", password);
        device.ifPresent(token -> request.cookie(DEVICE_COOKIE, token));
        return request.when().post("/api/v1/auth/token").then();
    }

    private static String deviceCookieOf(ValidatableResponse response) {
        String value = response.extract().cookie(DEVICE_COOKIE);
        assertThat(value).as("the device cookie").isNotBlank();
        return value;
    }

    /** Fails {@code times} logins and returns the body of the last answer. */
    private static String failTimes(String login, int times) {
        String body = null;
        for (int i = 0; i < times; i++) {
            body = Accounts.passwordGrant(login, WRONG).statusCode(401)
                    .body("code", equalTo("invalid-credentials"))
                    .extract().body().asString();
        }
        return body;
    }
}
