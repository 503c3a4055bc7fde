package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With REFERRAL_METRICS_TOKEN set, {@code /q/metrics} answers only the bearer of that token; health stays open to
 * probes. (Unset, the metrics are public: operations.MetricsTest reads them without a token.)
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class MetricsTokenTest {

    private static final String TOKEN = AccountSecurityProfile.METRICS_TOKEN;

    @Test
    void withoutATokenTheMetricsAreAProblemNotAnExposition() {
        given().when().get("/q/metrics").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("unauthorized"))
                .body(not(containsString("jvm_memory_used_bytes")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-token-of-the-same-length-as-the-real-one!",
            "Bearer metrics-token-of-the-account-security-test", "Bearer " + TOKEN + "x",
            "Basic " + TOKEN, TOKEN, "Bearer "})
    void aWrongTokenOrSchemeIsRefused(String authorization) {
        given().header("Authorization", authorization).when().get("/q/metrics").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void otherPathsUnderTheMetricsPathAreGuardedToo() {
        given().when().get("/q/metrics/").then().statusCode(401);
        given().when().get("/q/metrics/json").then().statusCode(401);
    }

    @Test
    void theConfiguredBearerTokenReadsTheMetrics() {
        given().auth().oauth2(TOKEN).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().header("Authorization", "bearer " + TOKEN).when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void healthStaysOpenToProbes() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
