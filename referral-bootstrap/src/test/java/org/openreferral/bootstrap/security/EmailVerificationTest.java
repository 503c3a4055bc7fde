package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/** Email verification end to end, against a real SMTP server (GreenMail). */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class EmailVerificationTest extends SecurityTestBase {

    static final String SUBJECT = "Confirm your email address for Open Referral";
    static final Pattern LINK = Pattern.compile("https://referrals\\.test/verify-email\\?token=([A-Za-z0-9_-]+)");

    @Inject
    Database database;

    @Test
    void theLinkMailedAtRegistrationVerifiesTheEmailOnce() {
        Session alice = Accounts.newSession();
        Accounts.me(alice.accessToken()).statusCode(200).body("emailVerified", equalTo(false));

        String token = Mailbox.awaitToken(alice.email(), SUBJECT, 1, LINK);
        confirm(token).statusCode(204);

        Accounts.me(alice.accessToken()).statusCode(200).body("emailVerified", equalTo(true));
        confirm(token).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-verification-token"));
    }

    @Test
    void theLinkExpiresAfterTwoDays() {
        Session alice = Accounts.newSession();
        String token = Mailbox.awaitToken(alice.email(), SUBJECT, 1, LINK);

        TestClockProducer.CLOCK.advance(Duration.ofDays(2));

        confirm(token).statusCode(400).body("code", equalTo("invalid-verification-token"));
        TestClockProducer.CLOCK.reset();
        Accounts.me(alice.accessToken())
                .statusCode(200).body("emailVerified", equalTo(false));
    }

    @Test
    void atMostThreeLinksAnHourOnRequestAndAnotherAfterTheHour() {
        Session alice = Accounts.newSession();
        Mailbox.awaitToken(alice.email(), SUBJECT, 1, LINK);

        for (int i = 0; i < 4; i++) {
            resend(alice.accessToken()).statusCode(202).body("message", notNullValue());
        }

        assertThat(resentTokens(alice)).isEqualTo(3);
        Mailbox.awaitToken(alice.email(), SUBJECT, 4, LINK);
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> Mailbox.mailsTo(alice.email(), SUBJECT).size() == 4);

        TestClockProducer.CLOCK.advance(Duration.ofHours(1));
        resend(alice.accessToken()).statusCode(202);

        String latest = Mailbox.awaitToken(alice.email(), SUBJECT, 5, LINK);
        assertThat(resentTokens(alice)).isEqualTo(4);
        confirm(latest).statusCode(204);
    }

    @Test
    void theLimitHoldsUnderConcurrentRequests() throws Exception {
        Session alice = Accounts.newSession();

        List<Integer> statuses = Concurrently.run(12, i -> resend(alice.accessToken()).extract().statusCode());

        assertThat(statuses).containsOnly(202);
        assertThat(resentTokens(alice)).isEqualTo(3);
    }

    @Test
    void aVerifiedCallerGetsNoMail() {
        Session alice = Accounts.newSession();
        confirm(Mailbox.awaitToken(alice.email(), SUBJECT, 1, LINK)).statusCode(204);

        resend(alice.accessToken()).statusCode(202);

        assertThat(resentTokens(alice)).isZero();
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> Mailbox.mailsTo(alice.email(), SUBJECT).size() == 1);
    }

    @Test
    void theInitialAdminsAddressCountsAsVerified() {
        String admin = Accounts.login(AccountSecurityProfile.ADMIN_EMAIL, AccountSecurityProfile.ADMIN_PASSWORD)
                .accessToken();

        Accounts.me(admin).statusCode(200).body("emailVerified", equalTo(true));
    }

    @Test
    void badRequestsAreProblemsNeverServerErrors() {
        confirm("no-such-token").statusCode(400).body("code", equalTo("invalid-verification-token"));
        confirm(" ").statusCode(400).body("code", equalTo("invalid-verification-token"));
        given().contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/auth/email-verification/confirm").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
        given().contentType(ContentType.JSON).body("{\"token\": \"x\", \"emailVerified\": true}")
                .post("/api/v1/auth/email-verification/confirm").then().statusCode(400)
                .contentType("application/problem+json");
        given().post("/api/v1/auth/email-verification").then().statusCode(401);
    }

    private long resentTokens(Session user) {
        return database.number("select count(*) from email_verification_tokens where user_id = ? and issue = 'RESEND'",
                UUID.fromString(user.userId()));
    }

    private static ValidatableResponse resend(String accessToken) {
        return given().auth().oauth2(accessToken).post("/api/v1/auth/email-verification").then();
    }

    static ValidatableResponse confirm(String token) {
        return given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/email-verification/confirm").then();
    }
}
