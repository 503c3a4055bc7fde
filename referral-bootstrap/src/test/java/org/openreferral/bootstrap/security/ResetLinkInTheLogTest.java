package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.logging.LogCapture;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;

/** The embedded default has no SMTP server: the reset mail is written to the log, and its link works. */
@QuarkusTest
class ResetLinkInTheLogTest extends SecurityTestBase {

    private static final Pattern LINK = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]{43})");

    private LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void theResetMailIsLoggedWithAWorkingLinkAndAMaskedAddress() {
        Session alice = Accounts.newSession();

        given().contentType(ContentType.JSON).body(Map.of("email", alice.email()))
                .post("/api/v1/auth/password-reset").then().statusCode(202);

        String mail = logs.messages().stream().filter(line -> line.contains("reset-password?token="))
                .findFirst().orElseThrow();
        assertThat(mail).contains(alice.email().charAt(0) + "***@example.com").doesNotContain(alice.email());
        Matcher link = LINK.matcher(mail);
        assertThat(link.find()).isTrue();
        given().contentType(ContentType.JSON).body(Map.of("token", link.group(1), "newPassword", "a brand new passphrase"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);
        Accounts.passwordGrant(alice.username(), Api.PASSWORD).statusCode(401);
    }

    @Test
    void anUnknownAddressLogsNoMail() {
        given().contentType(ContentType.JSON).body(Map.of("email", Api.unique("nobody") + "@example.com"))
                .post("/api/v1/auth/password-reset").then().statusCode(202);

        assertThat(logs.messages()).noneMatch(line -> line.contains("reset-password?token="));
        assertThat(logs.sees("reset-password?token=")).as("positive control").isTrue();
    }
}
