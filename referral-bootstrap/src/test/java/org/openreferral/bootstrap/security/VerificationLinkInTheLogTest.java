package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.logging.LogCapture;
import org.openreferral.bootstrap.support.Api;

/** The embedded default has no SMTP server: the verification mail is written to the log, and its link works. */
@QuarkusTest
class VerificationLinkInTheLogTest extends SecurityTestBase {

    private static final Pattern LINK = Pattern.compile(
            "http://localhost:8080/verify-email\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void theRegistrationMailIsLoggedWithAWorkingLinkAndAMaskedAddress() {
        String mail;
        String username = Api.unique("logged");
        String email = username + "@example.com";
        try (LogCapture logs = LogCapture.start()) {
            Api.register(Api.registration(username, email)).statusCode(201);
            mail = logs.messages().stream().filter(line -> line.contains("verify-email?token="))
                    .findFirst().orElseThrow();
        }

        assertThat(mail).contains(email.charAt(0) + "***@example.com").doesNotContain(email);
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        given().contentType(ContentType.JSON).body(Map.of("token", link.group(1)))
                .post("/api/v1/auth/email-verification/confirm").then().statusCode(204);
        Accounts.me(Api.token(username, Api.PASSWORD)).statusCode(200).body("emailVerified", equalTo(true));
    }
}
