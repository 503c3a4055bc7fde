package org.openreferral.bootstrap.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

@QuarkusTest
class ReferralCodesTest {

    @Inject
    Database database;

    @AfterEach
    void resetClock() {
        TestClockProducer.CLOCK.reset();
    }

    private static io.restassured.response.ValidatableResponse create(TestUser user, Map<String, ?> body) {
        return user.as().contentType(ContentType.JSON).body(body).when().post("/api/v1/referral-codes").then();
    }

    private static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).toString();
    }

    @Test
    void generatedCodeIsLongAndFreeOfLookAlikes() {
        TestUser user = Api.newUser();
        create(user, Map.of("expiresAt", inDays(10)))
                .statusCode(201)
                .body("code", matchesPattern("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10,}"))
                .body("status", equalTo("ACTIVE"))
                .body("referrals", equalTo(0))
                .body("id", notNullValue())
                .body("createdAt", notNullValue());
    }

    @Test
    void ownerCreatesListsReadsAndRevokesTheirCode() {
        TestUser user = Api.newUser();
        String code = "My-Code_" + java.util.UUID.randomUUID().toString().substring(0, 8);
        create(user, Map.of("expiresAt", inDays(10), "code", code)).statusCode(201).body("code", equalTo(code));
        user.as().get("/api/v1/referral-codes/active").then().statusCode(200).body("code", equalTo(code));
        user.as().get("/api/v1/referral-codes").then().statusCode(200)
                .body("items.code", hasItem(code)).body("total", equalTo(1)).body("page", equalTo(1))
                .body("size", equalTo(50)).body("pages", equalTo(1));

        user.as().delete("/api/v1/referral-codes/" + code.toLowerCase()).then().statusCode(204);
        user.as().get("/api/v1/referral-codes/active").then().statusCode(404).body("code", equalTo("code-not-found"));
        user.as().get("/api/v1/referral-codes").then().body("items[0].status", equalTo("REVOKED"))
                .body("items[0].revokedAt", notNullValue());
        user.as().delete("/api/v1/referral-codes/" + code).then().statusCode(409).body("code", equalTo("code-revoked"));
    }

    @Test
    void secondActiveCodeIsAConflict() {
        TestUser user = Api.newUser();
        Api.createCode(user, null);
        create(user, Map.of("expiresAt", inDays(5))).statusCode(409).body("code", equalTo("active-code-exists"));
    }

    @Test
    void expiredCodeDoesNotBlockANewOne() {
        TestUser user = Api.newUser();
        create(user, Map.of("expiresAt", inDays(1))).statusCode(201);
        TestClockProducer.CLOCK.advance(Duration.ofDays(2));
        create(user, Map.of("expiresAt", Instant.now().plus(Duration.ofDays(5)).toString())).statusCode(201);
        user.as().get("/api/v1/referral-codes").then().body("items.status", org.hamcrest.Matchers.contains("ACTIVE", "EXPIRED"));
        assertThat(database.number("select count(*) from referral_codes c join users u on u.id = c.owner_id"
                + " where u.username = ? and c.status = 'ACTIVE'", user.username())).isEqualTo(1);
    }

    @Test
    void codesAreUniqueForeverWhateverTheCase() {
        TestUser alice = Api.newUser();
        TestUser bob = Api.newUser();
        String code = "Shared" + java.util.UUID.randomUUID().toString().substring(0, 8);
        create(alice, Map.of("expiresAt", inDays(10), "code", code)).statusCode(201);
        alice.as().delete("/api/v1/referral-codes/" + code).then().statusCode(204);
        create(bob, Map.of("expiresAt", inDays(10), "code", code.toUpperCase())).statusCode(409)
                .body("code", equalTo("code-taken"));
    }

    @Test
    void fiftyConcurrentCreatesYieldExactlyOneActiveCode() throws Exception {
        TestUser user = Api.newUser();
        List<Integer> statuses = Concurrently.run(50, i -> create(user, Map.of("expiresAt", inDays(10)))
                .extract().statusCode());
        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses.stream().filter(status -> status == 409)).hasSize(49);
        assertThat(database.number("select count(*) from referral_codes c join users u on u.id = c.owner_id"
                + " where u.username = ? and c.status = 'ACTIVE'", user.username())).isEqualTo(1);
    }

    @Test
    void expiryIsReadWithOffsetZuluOrWithoutZoneAsUtc() {
        Instant expected = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofInstant(expected, java.time.ZoneOffset.UTC);
        List<String> spellings = List.of(
                expected.toString(),
                utc.plusHours(1) + ":00+01:00",
                utc.toString(),
                utc + ":00",
                utc.toString().replace('T', ' '));
        for (String spelling : spellings) {
            TestUser user = Api.newUser();
            String created = create(user, Map.of("expiresAt", spelling)).statusCode(201).extract().path("expiresAt");
            assertThat(Instant.parse(created)).as(spelling).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "", "2026-13-45T99:00",
            "1700000000"})
    void badExpiryIsA400(String expiresAt) {
        TestUser user = Api.newUser();
        create(user, Map.of("expiresAt", expiresAt)).statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("expiresAt"));
    }

    @Test
    void expiryBeyondTheMaximumIsRefused() {
        TestUser user = Api.newUser();
        create(user, Map.of("expiresAt", inDays(366))).statusCode(400).body("errors[0].field", equalTo("expiresAt"));
        create(user, Map.of("expiresAt", inDays(364))).statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "has space", "bad!char", "ÄÖÜäöü", "0123456789012345678901234567890123"})
    void badCustomCodeIsA400(String code) {
        TestUser user = Api.newUser();
        create(user, Map.of("expiresAt", inDays(10), "code", code)).statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void missingOrWrongTypedBodyIsA400() {
        TestUser user = Api.newUser();
        create(user, Map.of()).statusCode(400);
        create(user, Map.of("expiresAt", 12)).statusCode(400);
        create(user, Map.of("expiresAt", inDays(10), "status", "ACTIVE")).statusCode(400);
        create(user, Map.of("expiresAt", inDays(10), "ownerId", user.id())).statusCode(400);
    }

    @Test
    void someoneElsesOrAnUnknownCodeCannotBeRevoked() {
        TestUser alice = Api.newUser();
        TestUser bob = Api.newUser();
        String code = Api.createCode(alice, null);
        bob.as().delete("/api/v1/referral-codes/" + code).then().statusCode(404).body("code", equalTo("code-not-found"));
        bob.as().delete("/api/v1/referral-codes/NOSUCHCODE99").then().statusCode(404);
        alice.as().get("/api/v1/referral-codes/active").then().statusCode(200);
    }

    @Test
    void lookupByEmailGivesOnlyCodeAndExpiryAndStopsAtRevoke() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        for (int i = 0; i < 3; i++) { // the second and third answers come from the cache
            given().queryParam("email", alice.email().toUpperCase())
                    .when().get("/api/v1/referral-codes/lookup")
                    .then().statusCode(200)
                    .body("$", aMapWithSize(2))
                    .body("code", equalTo(code))
                    .body("expiresAt", notNullValue());
        }
        alice.as().delete("/api/v1/referral-codes/" + code).then().statusCode(204);
        given().queryParam("email", alice.email()).when().get("/api/v1/referral-codes/lookup")
                .then().statusCode(404).body("code", equalTo("code-not-found"));
    }

    @Test
    void lookupNeverServesAnExpiredCodeEvenWhenCached() {
        TestUser alice = Api.newUser();
        create(alice, Map.of("expiresAt", inDays(1))).statusCode(201);
        given().queryParam("email", alice.email()).get("/api/v1/referral-codes/lookup").then().statusCode(200);
        TestClockProducer.CLOCK.advance(Duration.ofDays(1).plusMinutes(1));
        given().queryParam("email", alice.email()).get("/api/v1/referral-codes/lookup").then().statusCode(404);
    }

    @Test
    void lookupOfUnknownOrBadEmail() {
        given().queryParam("email", Api.unique("nobody") + "@example.com").get("/api/v1/referral-codes/lookup")
                .then().statusCode(404).body("code", equalTo("code-not-found"));
        given().queryParam("email", "not-an-email").get("/api/v1/referral-codes/lookup")
                .then().statusCode(400).body("code", equalTo("validation-failed"));
        given().get("/api/v1/referral-codes/lookup").then().statusCode(400);
    }

    @Test
    void pagingParametersAreChecked() {
        TestUser user = Api.newUser();
        user.as().queryParam("size", 101).get("/api/v1/referral-codes").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        user.as().queryParam("page", 0).get("/api/v1/referral-codes").then().statusCode(400);
        user.as().queryParam("page", "abc").get("/api/v1/referral-codes").then().statusCode(400);
        user.as().queryParam("size", 100).get("/api/v1/referral-codes").then().statusCode(200).body("size", equalTo(100));
    }

    @Test
    void codeEndpointsNeedAToken() {
        given().get("/api/v1/referral-codes").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("expiresAt", inDays(3))).post("/api/v1/referral-codes")
                .then().statusCode(401);
    }
}
