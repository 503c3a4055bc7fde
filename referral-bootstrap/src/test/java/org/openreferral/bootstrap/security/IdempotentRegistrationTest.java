package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;

/**
 * {@code Idempotency-Key} on anonymous registration, end to end against PostgreSQL and a real SMTP server: a retry
 * gets the first answer and has no second effect (account, verification mail), another body is refused, concurrent
 * retries run once, and refusals are replayed too.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class IdempotentRegistrationTest extends SecurityTestBase {

    @Inject
    Database database;

    private static Map<String, Object> registration(String username) {
        return Api.registration(username, username + "@example.com");
    }

    private static ExtractableResponse<Response> register(String key, Object body) {
        return given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/auth/register").then().extract();
    }

    private static String newKey() {
        return "reg-" + UUID.randomUUID();
    }

    @Test
    void aRetriedRegistrationGetsTheFirstAnswerAndMakesNoSecondAccountOrMail() {
        String username = Api.unique("idem");
        String key = newKey();

        ExtractableResponse<Response> first = register(key, registration(username));
        ExtractableResponse<Response> retry = register(key, registration(username));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).endsWith("/api/v1/users/"
                + first.path("id"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(database.usersWithEmail(username + "@example.com")).isEqualTo(1);
        assertThat(database.number("select count(*) from email_verification_tokens where user_id = ?::uuid",
                first.<String>path("id"))).isEqualTo(1);
        Mailbox.awaitToken(username + "@example.com", EmailVerificationTest.SUBJECT, 1, EmailVerificationTest.LINK);
        assertThat(Mailbox.mailsTo(username + "@example.com", EmailVerificationTest.SUBJECT)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = newKey();
        register(key, registration(Api.unique("idem")));

        ExtractableResponse<Response> other = register(key, registration(Api.unique("idem")));

        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.contentType()).isEqualTo("application/problem+json");
        assertThat(other.<String>path("code")).isEqualTo("idempotency-key-reused");
    }

    @Test
    void eightConcurrentRegistrationsWithOneKeyCreateOneAccount() throws Exception {
        String username = Api.unique("idem");
        String key = newKey();

        List<ExtractableResponse<Response>> answers = Concurrently.run(8, i -> register(key, registration(username)));

        assertThat(answers).extracting(ExtractableResponse::statusCode).allMatch(s -> s == 201 || s == 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201 && a.header("Idempotent-Replayed") == null)
                .hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.<String>path("code"))
                .allMatch("idempotency-request-in-progress"::equals);
        assertThat(database.usersWithEmail(username + "@example.com")).isEqualTo(1);
        ExtractableResponse<Response> after = register(key, registration(username));
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyMustBeOneTo255VisibleAsciiCharacters() {
        String username = Api.unique("idem");
        for (String bad : List.of("", "with space", "k".repeat(256))) {
            given().header("Idempotency-Key", bad).contentType(ContentType.JSON).body(registration(username))
                    .post("/api/v1/auth/register").then().statusCode(400)
                    .body("code", equalTo("validation-failed"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(database.usersWithEmail(username + "@example.com")).isZero();
        register("k".repeat(255), registration(username));
        assertThat(database.usersWithEmail(username + "@example.com")).isEqualTo(1);
    }

    @Test
    void aRefusalIsKeptAndReplayedLikeASuccess() {
        String taken = Api.unique("idem");
        Api.register(registration(taken)).statusCode(201);
        Map<String, Object> sameEmail = Api.registration(Api.unique("idem"), taken + "@example.com");
        String key = newKey();

        ExtractableResponse<Response> first = register(key, sameEmail);
        ExtractableResponse<Response> retry = register(key, sameEmail);

        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(first.<String>path("code")).isEqualTo("email-taken");
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).isEqualTo("application/problem+json");
        assertThat(retry.asString()).isEqualTo(first.asString());
    }

    @Test
    void withoutAKeyNothingIsReplayed() {
        Map<String, Object> body = registration(Api.unique("idem"));
        Api.register(body).statusCode(201).header("Idempotent-Replayed", nullValue());
        Api.register(body).statusCode(409).header("Idempotent-Replayed", nullValue());
    }
}
