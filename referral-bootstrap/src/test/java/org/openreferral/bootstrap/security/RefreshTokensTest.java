package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.security.Accounts.Tokens;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/** The refresh grant: rotation, reuse detection, expiry and concurrent use. */
@QuarkusTest
class RefreshTokensTest extends SecurityTestBase {

    @Inject
    Database database;

    @Test
    void thePasswordGrantHandsOutARefreshTokenStoredOnlyAsItsSha256() throws Exception {
        Session alice = Accounts.newSession();

        assertThat(alice.refreshToken()).matches("[A-Za-z0-9_-]{43}");
        assertThat(database.number("select count(*) from refresh_tokens where token_hash = ?", alice.refreshToken()))
                .isZero();
        assertThat(database.number("select count(*) from refresh_tokens where token_hash = ? and status = 'ACTIVE'",
                sha256(alice.refreshToken()))).isOne();
        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "username", alice.email(), "password", Api.PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("refresh_token", hasLength(43));
    }

    @Test
    void aRefreshTokenIsExchangedOnceForANewPairOfTheSameSession() {
        Session alice = Accounts.newSession();

        var body = Accounts.refreshGrant(alice.refreshToken()).statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("refresh_token", notNullValue())
                .extract();
        String newAccess = body.path("access_token");
        String newRefresh = body.path("refresh_token");

        assertThat(newRefresh).isNotEqualTo(alice.refreshToken());
        assertThat(TestTokens.claimsOf(newAccess).get("sid")).isEqualTo(TestTokens.claimsOf(alice.accessToken()).get("sid"));
        Accounts.me(newAccess).statusCode(200).body("id", equalTo(alice.userId()));
        Accounts.refreshGrantAsJson(newRefresh).statusCode(200);
    }

    @Test
    void reusingARotatedTokenKillsTheWholeSessionTheNewestTokenIncluded() {
        Session alice = Accounts.newSession();
        Tokens second = Accounts.refreshed(alice.refreshToken());
        Tokens third = Accounts.refreshed(second.refreshToken());
        Accounts.me(third.accessToken()).statusCode(200);

        Accounts.refreshGrant(alice.refreshToken()).statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-grant"));

        Accounts.refreshGrant(third.refreshToken()).statusCode(401).body("code", equalTo("invalid-grant"));
        Accounts.me(third.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
        Accounts.me(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
    }

    @Test
    void reuseInOneSessionLeavesTheUsersOtherSessionsAlone() {
        Session alice = Accounts.newSession();
        Tokens laptop = Accounts.login(alice.username(), Api.PASSWORD);
        Accounts.refreshed(alice.refreshToken());

        Accounts.refreshGrant(alice.refreshToken()).statusCode(401);

        Accounts.me(laptop.accessToken()).statusCode(200);
        Accounts.refreshGrant(laptop.refreshToken()).statusCode(200);
    }

    @Test
    void everyRefusalLooksTheSame() {
        Session alice = Accounts.newSession();
        Accounts.refreshed(alice.refreshToken());

        String reused = Accounts.refreshGrant(alice.refreshToken()).statusCode(401).extract().body().asString();
        String unknown = Accounts.refreshGrant("x".repeat(43)).statusCode(401).extract().body().asString();
        String accessTokenInstead = Accounts.refreshGrant(alice.accessToken()).statusCode(401).extract().body()
                .asString();

        assertThat(reused).isEqualTo(unknown).isEqualTo(accessTokenInstead);
    }

    @Test
    void aRefreshTokenExpiresAfterThirtyDays() {
        Session alice = Accounts.newSession();
        Session bob = Accounts.newSession();
        TestClockProducer.CLOCK.advance(Duration.ofDays(30).minusMinutes(1));
        Accounts.refreshGrant(bob.refreshToken()).statusCode(200);

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(1));

        Accounts.refreshGrant(alice.refreshToken()).statusCode(401).body("code", equalTo("invalid-grant"));
    }

    @Test
    void aSessionEndsNinetyDaysAfterItsLoginHoweverOftenItIsRefreshed() {
        Session alice = Accounts.newSession();
        String refreshToken = alice.refreshToken();
        for (int refresh = 0; refresh < 3; refresh++) {
            TestClockProducer.CLOCK.advance(Duration.ofDays(29));
            refreshToken = Accounts.refreshed(refreshToken).refreshToken();
        }
        // Day 87: each token alone would live 30 more days; the session has 3 left.
        TestClockProducer.CLOCK.advance(Duration.ofDays(3).minusMinutes(1));
        refreshToken = Accounts.refreshed(refreshToken).refreshToken();

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(1));

        Accounts.refreshGrant(refreshToken).statusCode(401).body("code", equalTo("invalid-grant"));
    }

    @Test
    void ofConcurrentUsesOfOneTokenAtMostOneSucceeds() throws Exception {
        Session alice = Accounts.newSession();

        List<Integer> statuses = Concurrently.run(10,
                i -> Accounts.refreshGrant(alice.refreshToken()).extract().statusCode());

        // The row lock lets the first use rotate; every later one finds a rotated token, which is what a
        // replayed copy looks like, so the session ends (strict reuse detection, no grace period).
        assertThat(statuses).containsOnly(200, 401);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(database.number("select count(*) from refresh_tokens where session_id = ("
                + "select session_id from refresh_tokens where token_hash = ?) and status = 'ACTIVE'",
                sha256(alice.refreshToken()))).isZero();
    }

    @Test
    void theRefreshGrantNeedsItsToken() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .post("/api/v1/auth/token").then().statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("refresh_token"));
        given().contentType(ContentType.JSON).body(Map.of("grant_type", "refresh_token", "refresh_token",
                        "x".repeat(257)))
                .post("/api/v1/auth/token").then().statusCode(400);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
