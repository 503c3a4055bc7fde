package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Per-client budgets of the public endpoints: beyond them a 429 problem with {@code Retry-After}; other
 * clients are not affected, and the budget is back once its window has passed (the clock moves).
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class RateLimitTest extends SecurityTestBase {

    @Test
    void registrationIsLimitedPerClient() {
        spendAndExceed(AccountSecurityProfile.REGISTER_BUDGET, () -> Api.register(Api.registration(Api.unique("rl"),
                Api.unique("rl") + "@example.com")));
    }

    @Test
    void theTokenEndpointIsLimitedPerClientForEveryGrant() {
        spendAndExceed(AccountSecurityProfile.TOKEN_BUDGET, () -> given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token").formParam("refresh_token", "unknown")
                .post("/api/v1/auth/token").then());
        Accounts.passwordGrant("anyone", "any password").statusCode(429);
    }

    @Test
    void passwordResetRequestsAndConfirmationsShareOneBudget() {
        for (int i = 0; i < AccountSecurityProfile.PASSWORD_RESET_BUDGET - 1; i++) {
            resetRequest(Api.unique("nobody") + "@example.com").statusCode(202);
        }
        given().contentType(ContentType.JSON).body(Map.of("token", "unknown", "newPassword", "a fine new passphrase"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400);

        tooMany(resetRequest("someone@example.com"));
    }

    @Test
    void theCodeLookupIsLimitedPerClient() {
        spendAndExceed(AccountSecurityProfile.LOOKUP_BUDGET, () -> given()
                .queryParam("email", Api.unique("nobody") + "@example.com")
                .get("/api/v1/referral-codes/lookup").then());
    }

    @Test
    void anotherClientStillHasItsWholeBudget() {
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            lookup().statusCode(404);
        }
        tooMany(lookup());

        beAClientOfOurOwn();
        lookup().statusCode(404);
    }

    @Test
    void theBudgetIsBackOnceTheWindowHasPassed() {
        for (int i = 0; i < AccountSecurityProfile.LOOKUP_BUDGET; i++) {
            lookup().statusCode(404);
        }
        int retryAfter = Integer.parseInt(tooMany(lookup()).extract().header("Retry-After"));

        TestClockProducer.CLOCK.advance(Duration.ofSeconds(retryAfter));

        lookup().statusCode(404);
    }

    @Test
    void authenticatedEndpointsAreNotCounted() {
        Accounts.Session alice = Accounts.newSession();
        for (int i = 0; i < AccountSecurityProfile.TOKEN_BUDGET * 2; i++) {
            Accounts.me(alice.accessToken()).statusCode(200);
        }
    }

    private static void spendAndExceed(int budget, Supplier<ValidatableResponse> request) {
        for (int i = 0; i < budget; i++) {
            int status = request.get().extract().statusCode();
            assertThat(status).as("request %d of %d", i + 1, budget).isNotEqualTo(429);
        }
        tooMany(request.get());
    }

    private static ValidatableResponse tooMany(ValidatableResponse response) {
        response.statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("code", equalTo("rate-limited"));
        int retryAfter = Integer.parseInt(response.extract().header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 61);
        return response;
    }

    private static ValidatableResponse resetRequest(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email))
                .post("/api/v1/auth/password-reset").then();
    }

    private static ValidatableResponse lookup() {
        return given().queryParam("email", "nobody@example.com").get("/api/v1/referral-codes/lookup").then();
    }
}
