package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase.PurgeIdempotencyKeysCommand;
import org.openreferral.bootstrap.lifecycle.Lifecycle.Referrer;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * {@code Idempotency-Key} on the authenticated POSTs, end to end: codes (scope per caller, concurrent retries run
 * once), qualify and void (no second credit or debit), machine clients; and the purge of expired keys. Runs in the
 * {@code qualify-on=event} profile (no extra boot).
 */
@QuarkusTest
@TestProfile(QualifyOnEventProfile.class)
class IdempotentRequestsTest {

    @Inject
    Database database;
    @Inject
    PurgeIdempotencyKeysUseCase purge;

    private String admin;

    @BeforeEach
    void logInTheAdmin() {
        admin = Lifecycle.adminToken();
    }

    @AfterEach
    void resetTheClock() {
        TestClockProducer.CLOCK.reset();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static ExtractableResponse<Response> post(String token, String key, String path, Object body) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post(path).then().extract();
    }

    private static Map<String, Object> newCode() {
        return Map.of("expiresAt", TestClockProducer.CLOCK.instant().plus(Duration.ofDays(30)).toString());
    }

    private long codesOf(TestUser user) {
        return database.number("select count(*) from referral_codes where owner_id = ?::uuid", user.id());
    }

    private static void assertReplayOf(ExtractableResponse<Response> retry, ExtractableResponse<Response> first) {
        assertThat(retry.statusCode()).isEqualTo(first.statusCode());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.asString()).isEqualTo(first.asString());
    }

    @Test
    void theSameKeyOfTwoUsersCreatesTwoCodesAndEachRetryGetsItsOwn() {
        TestUser alice = Api.newUser();
        TestUser bob = Api.newUser();
        String key = newKey();
        Map<String, Object> body = newCode();

        ExtractableResponse<Response> alices = post(alice.token(), key, "/api/v1/referral-codes", body);
        ExtractableResponse<Response> bobs = post(bob.token(), key, "/api/v1/referral-codes", body);

        assertThat(alices.statusCode()).isEqualTo(201);
        assertThat(bobs.statusCode()).isEqualTo(201);
        assertThat(bobs.<String>path("id")).isNotEqualTo(alices.path("id"));
        assertReplayOf(post(alice.token(), key, "/api/v1/referral-codes", body), alices);
        assertReplayOf(post(bob.token(), key, "/api/v1/referral-codes", body), bobs);
        assertThat(codesOf(alice)).isEqualTo(1);
        assertThat(codesOf(bob)).isEqualTo(1);
    }

    @Test
    void eightConcurrentCodeRequestsWithOneKeyCreateOneCode() throws Exception {
        TestUser alice = Api.newUser();
        String key = newKey();
        Map<String, Object> body = newCode();

        List<ExtractableResponse<Response>> answers = Concurrently.run(8,
                i -> post(alice.token(), key, "/api/v1/referral-codes", body));

        assertThat(answers).extracting(ExtractableResponse::statusCode).allMatch(s -> s == 201 || s == 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201 && a.header("Idempotent-Replayed") == null)
                .hasSize(1);
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).extracting(a -> a.<String>path("code"))
                .allMatch("idempotency-request-in-progress"::equals);
        String id = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().path("id");
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).extracting(a -> a.<String>path("id"))
                .allMatch(id::equals);
        assertThat(codesOf(alice)).isEqualTo(1);
    }

    @Test
    void aRefusedCodeRequestIsReplayedAsRefused() {
        TestUser alice = Api.newUser();
        String active = Api.createCode(alice, null);
        String key = newKey();
        Map<String, Object> body = newCode();

        ExtractableResponse<Response> first = post(alice.token(), key, "/api/v1/referral-codes", body);
        assertThat(first.statusCode()).isEqualTo(409);
        assertThat(first.<String>path("code")).isEqualTo("active-code-exists");
        alice.as().delete("/api/v1/referral-codes/" + active).then().statusCode(204);

        // The refusal is kept: the retry does not create the code that could be created now.
        assertReplayOf(post(alice.token(), key, "/api/v1/referral-codes", body), first);
        assertThat(codesOf(alice)).isEqualTo(1);
    }

    @Test
    void aRetriedQualifyOrVoidCreditsAndDebitsOnce() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);
        String qualifyKey = newKey();
        String voidKey = newKey();

        ExtractableResponse<Response> qualified = post(admin, qualifyKey, "/api/v1/referrals/" + id + "/qualify",
                Map.of("externalId", "order-1"));
        assertThat(qualified.<String>path("status")).isEqualTo("REWARDED");
        assertReplayOf(post(admin, qualifyKey, "/api/v1/referrals/" + id + "/qualify",
                Map.of("externalId", "order-1")), qualified);
        assertThat(Lifecycle.balance(alice.user())).isEqualTo(10);

        ExtractableResponse<Response> voided = post(admin, voidKey, "/api/v1/referrals/" + id + "/void",
                Map.of("reason", "refund"));
        assertThat(voided.<String>path("status")).isEqualTo("VOIDED");
        assertReplayOf(post(admin, voidKey, "/api/v1/referrals/" + id + "/void", Map.of("reason", "refund")), voided);
        assertThat(Lifecycle.balance(alice.user())).isZero();
    }

    @Test
    void aRetriedClientCreationCreatesOneClient() {
        String name = Api.unique("crm");
        String key = newKey();
        Map<String, Object> body = Map.of("name", name, "scopes", List.of("referrals:read"));

        ExtractableResponse<Response> first = post(admin, key, "/api/v1/clients", body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertReplayOf(post(admin, key, "/api/v1/clients", body), first);
        assertThat(database.number("select count(*) from clients where name = ?", name)).isEqualTo(1);
    }

    @Test
    void aRetriedWebhookSubscriptionCreatesOneEndpoint() {
        String description = Api.unique("shop");
        String key = newKey();
        // A literal public address: this profile refuses private networks and cannot resolve names offline.
        Map<String, Object> body = Map.of("url", "https://93.184.216.34/hooks/referrals",
                "events", List.of("referral.rewarded"), "description", description);

        ExtractableResponse<Response> first = post(admin, key, "/api/v1/webhooks", body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertReplayOf(post(admin, key, "/api/v1/webhooks", body), first);
        assertThat(database.number("select count(*) from webhook_endpoints where description = ?", description))
                .isEqualTo(1);
        given().auth().oauth2(admin).delete(first.header("Location")).then().statusCode(204);
    }

    @Test
    void expiredKeysArePurged() {
        TestUser alice = Api.newUser();
        String key = newKey();
        post(alice.token(), key, "/api/v1/referral-codes", newCode());
        String expired = "select count(*) from idempotency_keys where expires_at <= ?";

        TestClockProducer.CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        Timestamp now = Timestamp.from(TestClockProducer.CLOCK.instant());
        assertThat(database.number(expired, now)).isPositive();

        assertThat(purge.purge(new PurgeIdempotencyKeysCommand())).isPositive();

        assertThat(database.number(expired, now)).isZero();
    }
}
