package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.logging.LogCapture;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.security.Accounts.Tokens;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/** Password reset end to end, against a real SMTP server (GreenMail). */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class PasswordResetTest extends SecurityTestBase {

    private static final Duration MAIL_DELIVERY = Mailbox.MAIL_DELIVERY;
    private static final String SUBJECT = "Reset your Open Referral password";
    private static final String CHANGED_SUBJECT = "Your Open Referral password was changed";
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final Pattern LINK = Pattern.compile("https://referrals\\.test/reset-password\\?token=([A-Za-z0-9_-]+)");

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsEverySession() {
        Session alice = Accounts.newSession();
        Tokens laptop = Accounts.login(alice.username(), Api.PASSWORD);

        resetRequest(alice.email().toUpperCase()).statusCode(202);
        String token = tokenMailedTo(alice.email());

        confirm(token, NEW_PASSWORD).statusCode(204);

        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
        Accounts.passwordGrant(alice.username(), NEW_PASSWORD).statusCode(200);
        Accounts.refreshGrant(alice.refreshToken()).statusCode(401).body("code", equalTo("invalid-grant"));
        Accounts.refreshGrant(laptop.refreshToken()).statusCode(401);
        Accounts.me(laptop.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
        confirm(token, "yet another passphrase").statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-reset-token"));
        Accounts.passwordGrant(alice.username(), NEW_PASSWORD).statusCode(200);
    }

    @Test
    void theOwnerIsMailedOnceThatThePasswordWasChangedAndTheMailHoldsNoLink() {
        Session alice = Accounts.newSession();
        resetRequest(alice.email()).statusCode(202);
        String token = tokenMailedTo(alice.email());
        confirm(token, "password1").statusCode(400);
        assertThat(Mailbox.mailsTo(alice.email(), CHANGED_SUBJECT)).as("a refused new password changes nothing")
                .isEmpty();

        confirm(token, NEW_PASSWORD).statusCode(204);

        Awaitility.await().atMost(MAIL_DELIVERY)
                .until(() -> !Mailbox.mailsTo(alice.email(), CHANGED_SUBJECT).isEmpty());
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> Mailbox.mailsTo(alice.email(), CHANGED_SUBJECT).size() == 1);
        String body = GreenMailUtil.getBody(Mailbox.mailsTo(alice.email(), CHANGED_SUBJECT).get(0));
        assertThat(body).contains("was changed").doesNotContain("http").doesNotContain(token)
                .doesNotContain(NEW_PASSWORD);
    }

    @Test
    void anAccountGetsAtMostThreeResetMailsAnHourWhateverTheClientAddress() {
        Session alice = Accounts.newSession();
        RestAssured.requestSpecification = null;

        for (int i = 0; i < 4; i++) {
            // Each request from a client address of its own: rotating addresses buys no mail.
            given().header("X-Forwarded-For", nextClientAddress()).contentType(ContentType.JSON)
                    .body(Map.of("email", alice.email())).post("/api/v1/auth/password-reset").then().statusCode(202);
        }

        Awaitility.await().atMost(MAIL_DELIVERY).until(() -> mailsTo(alice.email()).size() >= 3);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> mailsTo(alice.email()).size() == 3);
        TestClockProducer.CLOCK.advance(Duration.ofHours(1));
        resetRequest(alice.email()).statusCode(202);
        Awaitility.await().atMost(MAIL_DELIVERY).until(() -> mailsTo(alice.email()).size() == 4);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() {
        Session alice = Accounts.newSession();
        String stranger = Api.unique("stranger") + "@example.com";

        String forStranger = resetRequest(stranger).statusCode(202).extract().body().asString();
        String forAlice = resetRequest(alice.email()).statusCode(202).extract().body().asString();

        assertThat(forStranger).isEqualTo(forAlice).contains("message");
        tokenMailedTo(alice.email());
        // Alice's mail went out after the stranger's request was answered; nothing for the stranger follows.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> mailsTo(stranger).isEmpty());
    }

    @Test
    void theLinkExpiresAfterThirtyMinutes() {
        Session alice = Accounts.newSession();
        resetRequest(alice.email()).statusCode(202);
        String token = tokenMailedTo(alice.email());

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(30));

        confirm(token, NEW_PASSWORD).statusCode(400).body("code", equalTo("invalid-reset-token"));
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(200);
    }

    @Test
    void theNewPasswordMustMeetThePolicyAndARefusalSpendsNoToken() {
        Session alice = Accounts.newSession();
        resetRequest(alice.email()).statusCode(202);
        String token = tokenMailedTo(alice.email());

        confirm(token, "password1").statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("newPassword"));

        confirm(token, NEW_PASSWORD).statusCode(204);
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() {
        confirm("no-such-token", NEW_PASSWORD).statusCode(400).body("code", equalTo("invalid-reset-token"));
        given().contentType(ContentType.JSON).body(Map.of("token", "x"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
        resetRequest("not-an-email").statusCode(400).body("code", equalTo("validation-failed"));
        given().contentType(ContentType.JSON).body("{\"email\": \"a@example.com\", \"role\": \"admin\"}")
                .post("/api/v1/auth/password-reset").then().statusCode(400);
    }

    @Test
    void aMailServerThatIsDownChangesNothingForTheClientAndLeaksNothingToTheLog() {
        Session alice = Accounts.newSession();
        LogCapture logs = LogCapture.start();
        GreenMailResource.stopServer();
        try {
            long started = System.nanoTime();
            String answer = resetRequest(alice.email()).statusCode(202).extract().body().asString();
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertThat(answer).isEqualTo(resetRequest(Api.unique("nobody") + "@example.com").extract().body()
                    .asString());
            assertThat(millis).isLessThan(2_000);
            Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> logs.messages().stream().anyMatch(line -> line.contains("could not be sent")));
            assertThat(logs.sees(alice.username())).as("positive control: the capture sees causes").isTrue();
        } finally {
            GreenMailResource.startServer();
            logs.close();
        }
        assertThat(logs.messages()).allSatisfy(line -> assertThat(line).doesNotContain(alice.username()));

        // Once the server is back, mail flows again.
        Session bob = Accounts.newSession();
        resetRequest(bob.email()).statusCode(202);
        Awaitility.await().atMost(MAIL_DELIVERY).until(() -> !mailsTo(bob.email()).isEmpty());
    }

    private static ValidatableResponse resetRequest(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/password-reset").then();
    }

    private static ValidatableResponse confirm(String token, String newPassword) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token, "newPassword", newPassword))
                .post("/api/v1/auth/password-reset/confirm").then();
    }

    /** Waits for the reset mail to the address and returns the token of its link. */
    private static String tokenMailedTo(String email) {
        return Mailbox.awaitToken(email, SUBJECT, 1, LINK);
    }

    /** The reset mails to the address (registration also mailed it a verification link). */
    private static List<MimeMessage> mailsTo(String email) {
        return Mailbox.mailsTo(email, SUBJECT);
    }
}
