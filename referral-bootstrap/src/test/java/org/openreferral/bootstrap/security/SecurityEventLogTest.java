package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.logging.LogCapture;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.security.Accounts.Tokens;
import org.openreferral.bootstrap.support.Api;

/**
 * Security events (lockouts, refresh-token reuse, password resets, admin actions on clients) are single-line entries
 * of their own log category, with ids and masked data: never a password, a token, a secret or a full email address.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class SecurityEventLogTest extends SecurityTestBase {

    private static final String CATEGORY = "org.openreferral.security";
    /** The tests' own SMTP server runs in this JVM and logs every recipient: its lines are not the app's. */
    private static final String GREENMAIL = "com.icegreen.greenmail";
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Pattern RESET_LINK =
            Pattern.compile("https://referrals\\.test/reset-password\\?token=([A-Za-z0-9_-]+)");

    private LogCapture logs;
    /** Everything the test handled that must never reach the log. */
    private final List<String> secrets = new ArrayList<>();

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void noSecretInAnyLine() {
        try {
            assertThat(logs.sees(secrets.get(0))).as("positive control: the capture sees what is logged").isTrue();
            List<String> appLines = logs.lines().stream().filter(line -> !line.logger().startsWith(GREENMAIL))
                    .map(LogCapture.Line::message).toList();
            for (String secret : secrets) {
                assertThat(appLines).allSatisfy(line -> assertThat(line).doesNotContain(secret));
            }
        } finally {
            logs.close();
        }
    }

    @Test
    void aPasswordResetIsLoggedFromRequestToCompletionWithTheUserIdOnly() {
        Session alice = Accounts.newSession();
        keepOutOfTheLog(alice);
        String stranger = Api.unique("stranger") + "@example.com";
        secrets.add(stranger);

        reset(alice.email()).statusCode(202);
        reset(stranger).statusCode(202);
        String token = Mailbox.awaitToken(alice.email(), "Reset your Open Referral password", 1, RESET_LINK);
        secrets.add(token);
        secrets.add(NEW_PASSWORD);
        given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", NEW_PASSWORD))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);

        assertThat(securityLines()).containsSubsequence(
                "security-event event=password-reset.requested user=" + alice.userId() + " outcome=mailed",
                "security-event event=password-reset.requested email=" + stranger.charAt(0)
                        + "***@example.com outcome=unknown-account",
                "security-event event=password-reset.completed user=" + alice.userId() + " sessions-ended=1");
    }

    @Test
    void aLockoutIsLoggedOnceWithTheUserIdOrOnlyTheFirstCharacterOfAnUnknownLogin() {
        Session alice = Accounts.newSession();
        keepOutOfTheLog(alice);
        String ghost = Api.unique("ghost") + "@example.com";
        secrets.add(ghost);
        secrets.add(ghost.substring(0, ghost.indexOf('@')));

        for (int i = 0; i < 7; i++) {
            Accounts.passwordGrant(alice.email(), "not the password " + i).statusCode(401);
            Accounts.passwordGrant(ghost, "not the password " + i).statusCode(401);
        }

        assertThat(securityLines()).containsExactly(
                "security-event event=account.locked user=" + alice.userId() + " scope=network locked-for=PT1M",
                "security-event event=account.locked login=g*** scope=network locked-for=PT1M");
        assertThat(logs.lines()).filteredOn(line -> CATEGORY.equals(line.logger())).hasSize(2);
    }

    @Test
    void aReusedRefreshTokenIsLoggedWithTheUserAndTheRevokedSession() {
        Session alice = Accounts.newSession();
        keepOutOfTheLog(alice);
        Tokens next = Accounts.refreshed(alice.refreshToken());
        secrets.add(next.accessToken());
        secrets.add(next.refreshToken());

        Accounts.refreshGrant(alice.refreshToken()).statusCode(401).body("code", equalTo("invalid-grant"));

        assertThat(securityLines()).containsExactly("security-event event=refresh-token.reused user="
                + alice.userId() + " session=" + TestTokens.claimsOf(alice.accessToken()).get("sid")
                + " action=session-revoked");
    }

    @Test
    void creatingAndDeletingAClientAreLoggedWithTheAdminNeverTheSecret() {
        Tokens admin = Accounts.login(AccountSecurityProfile.ADMIN_EMAIL, AccountSecurityProfile.ADMIN_PASSWORD);
        secrets.add(admin.accessToken());
        secrets.add(admin.refreshToken());
        secrets.add(AccountSecurityProfile.ADMIN_PASSWORD);
        secrets.add(AccountSecurityProfile.ADMIN_EMAIL);
        String adminId = Accounts.me(admin.accessToken()).statusCode(200).extract().path("id");

        var created = given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", Api.unique("shop"), "scopes", List.of("referrals:write", "events:read")))
                .post("/api/v1/clients").then().statusCode(201).extract();
        String clientId = created.path("id");
        secrets.add(created.path("secret"));
        given().auth().oauth2(admin.accessToken()).delete("/api/v1/clients/" + clientId).then().statusCode(204);

        assertThat(securityLines()).containsExactly(
                "security-event event=client.created client=" + clientId + " by=" + adminId
                        + " scopes=events:read,referrals:write",
                "security-event event=client.deleted client=" + clientId + " by=" + adminId);
    }

    private void keepOutOfTheLog(Session session) {
        secrets.add(session.email());
        secrets.add(session.accessToken());
        secrets.add(session.refreshToken());
        secrets.add(Api.PASSWORD);
    }

    private List<String> securityLines() {
        return logs.lines().stream().filter(line -> CATEGORY.equals(line.logger())).map(LogCapture.Line::message)
                .toList();
    }

    private static io.restassured.response.ValidatableResponse reset(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/password-reset").then();
    }
}
