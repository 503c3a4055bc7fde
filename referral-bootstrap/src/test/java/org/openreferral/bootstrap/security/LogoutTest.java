package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.security.Accounts.Tokens;
import org.openreferral.bootstrap.support.Api;

/** Logout ends one session: its refresh tokens and its access tokens, nothing else. */
@QuarkusTest
class LogoutTest extends SecurityTestBase {

    @Test
    void afterLogoutThePresentedAccessTokenAndTheSessionsRefreshTokenAreDead() {
        Session alice = Accounts.newSession();

        Accounts.logout(alice.accessToken()).statusCode(204);

        Accounts.me(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
        Accounts.refreshGrant(alice.refreshToken()).statusCode(401).body("code", equalTo("invalid-grant"));
    }

    @Test
    void logoutAlsoRefusesOlderAccessTokensOfTheSameSession() {
        Session alice = Accounts.newSession();
        Tokens refreshed = Accounts.refreshed(alice.refreshToken());
        Accounts.me(alice.accessToken()).statusCode(200);

        Accounts.logout(refreshed.accessToken()).statusCode(204);

        Accounts.me(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
        Accounts.refreshGrant(refreshed.refreshToken()).statusCode(401);
    }

    @Test
    void otherSessionsOfTheUserAndOtherUsersCarryOn() {
        Session alice = Accounts.newSession();
        Tokens alicesLaptop = Accounts.login(alice.username(), Api.PASSWORD);
        Session bob = Accounts.newSession();

        Accounts.logout(alice.accessToken()).statusCode(204);

        Accounts.me(alicesLaptop.accessToken()).statusCode(200);
        Accounts.refreshGrant(alicesLaptop.refreshToken()).statusCode(200);
        Accounts.me(bob.accessToken()).statusCode(200);
    }

    @Test
    void logoutNeedsAValidAccessToken() {
        Session alice = Accounts.newSession();

        given().post("/api/v1/auth/logout").then().statusCode(401).body("code", equalTo("unauthorized"));
        Accounts.logout(alice.refreshToken()).statusCode(401);
        Accounts.logout(alice.accessToken()).statusCode(204);
        Accounts.logout(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
    }

    @Test
    void loggingInAgainAfterLogoutStartsAFreshSession() {
        Session alice = Accounts.newSession();
        Accounts.logout(alice.accessToken()).statusCode(204);

        Tokens fresh = Accounts.login(alice.username(), Api.PASSWORD);

        Accounts.me(fresh.accessToken()).statusCode(200);
        Accounts.refreshGrant(fresh.refreshToken()).statusCode(200);
    }
}
