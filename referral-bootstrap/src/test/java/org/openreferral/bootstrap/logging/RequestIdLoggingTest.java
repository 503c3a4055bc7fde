package org.openreferral.bootstrap.logging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.openreferral.bootstrap.support.Api.PASSWORD;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.PostgresTestResource;

/** Every request has an id, echoed in X-Request-Id and carried by its log lines; logs hold no secrets. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RequestIdLoggingTest {

    static final String MDC_KEY = "requestId";

    @Test
    void aSaneIncomingIdIsEchoed() {
        given().header("X-Request-Id", "client-42.a:b").when().get("/q/health/live")
                .then().header("X-Request-Id", "client-42.a:b");
    }

    @Test
    void withoutOneOrWithAnInsaneOneTheServiceMakesOne() {
        String made = given().when().get("/api/v1/users/me").then().statusCode(401).extract().header("X-Request-Id");
        assertThat(UUID.fromString(made)).isNotNull();
        String replaced = given().header("X-Request-Id", "x".repeat(65)).when().get("/openapi")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(UUID.fromString(replaced)).isNotNull();
        String forged = given().header("X-Request-Id", "a b\" injected=1").when().get("/redoc")
                .then().extract().header("X-Request-Id");
        assertThat(UUID.fromString(forged)).isNotNull();
    }

    @Test
    void logLinesWrittenOnTheWorkerThreadCarryTheRequestId() {
        try (LogCapture capture = LogCapture.start()) {
            String thread = given().header("X-Request-Id", "probe-1").when().get("/test-support/log-probe")
                    .then().statusCode(200).header("X-Request-Id", "probe-1").extract().asString();

            assertThat(thread).doesNotContain("eventloop");
            assertThat(capture.lines()).filteredOn(line -> line.message().equals("log probe"))
                    .singleElement()
                    .satisfies(line -> {
                        assertThat(line.requestId()).isEqualTo("probe-1");
                        assertThat(line.thread()).isEqualTo(thread);
                    });
        }
    }

    @Test
    void aDuplicateThatOnlyTheDatabaseCatchesLeavesNoEmailInTheLogs() throws Exception {
        try (LogCapture capture = LogCapture.start()) {
            String username = Api.unique("racer");
            String email = username + "@example.com";
            // Racing registrations pass the application's check together; the unique index refuses all but one.
            List<Integer> statuses = Concurrently.run(8, i -> Api.register(Api.registration(username + i, email))
                    .extract().statusCode());

            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
            assertThat(capture.lines()).allSatisfy(line -> assertThat(line.message())
                    .doesNotContain(email, "argon2id"));
            assertThat(capture.sees(email)).as("positive control: an email in a logged cause chain is seen").isTrue();
        }
    }

    @Test
    void logsHoldNoPasswordsTokensOrEmails() {
        try (LogCapture capture = LogCapture.start()) {
            String username = Api.unique("quiet");
            String email = username + "@example.com";
            Api.register(Api.registration(username, email)).statusCode(201);
            Api.register(Api.registration(username, email)).statusCode(409);
            String token = Api.token(email, PASSWORD);
            given().contentType(ContentType.URLENC).formParam("username", email).formParam("password", "wrong " + PASSWORD)
                    .when().post("/api/v1/auth/token").then().statusCode(401);
            given().auth().oauth2(token).when().get("/api/v1/users/me").then().statusCode(200);
            given().auth().oauth2(token + "x").when().get("/api/v1/users/me").then().statusCode(401);
            given().queryParam("email", email).when().get("/api/v1/referral-codes/lookup").then().statusCode(404);

            assertThat(capture.lines()).allSatisfy(line -> assertThat(line.message())
                    .doesNotContain(PASSWORD, token, email, username + "@"));
            assertThat(capture.sees(email)).as("positive control: an email in a logged cause chain is seen").isTrue();
            assertThat(capture.sees(token)).as("positive control: a token in a logged cause chain is seen").isTrue();
        }
    }
}
