package org.openreferral.bootstrap.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Webhooks end to end, with WireMock as the receiver: the delivery worker signs (checked by a verifier written from
 * the Standard Webhooks spec), retries 500s, times out, survives refused connections, disables an endpoint that
 * keeps failing, signs with two secrets after a rotation, and stops delivering to a deleted endpoint. The test
 * profile allows http to localhost and shortens retries (PT0.2S) and the response timeout (PT1S); every wait is
 * for a request to arrive (a queue fed by WireMock's listener) or a state to show, bounded by a deadline.
 */
@QuarkusTest
class WebhooksTest {

    private static final Logger LOG = Logger.getLogger(WebhooksTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** One receiver for the class; each test uses paths of its own. */
    private static WireMockServer receiver;
    private static final Map<String, BlockingQueue<Received>> RECEIVED = new ConcurrentHashMap<>();

    @Inject
    DataSource dataSource;

    private String admin;

    record Received(String id, String timestamp, String signature, String contentType, String body, Instant at) {
    }

    @BeforeAll
    static void startTheReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.addMockServiceRequestListener((request, response) -> queue(request.getUrl()).add(new Received(
                request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), request.getHeader("content-type"),
                request.getBodyAsString(), Instant.now())));
        receiver.start();
    }

    @AfterAll
    static void stopTheReceiver() {
        receiver.stop();
    }

    private static BlockingQueue<Received> queue(String path) {
        return RECEIVED.computeIfAbsent(path, ignored -> new LinkedBlockingQueue<>());
    }

    @BeforeEach
    void anAdmin() throws Exception {
        Api.TestUser user = Api.newUser();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update users set roles = 'user,admin' where username = ?")) {
            update.setString(1, user.username());
            update.executeUpdate();
        }
        admin = Api.token(user.username(), Api.PASSWORD);
    }

    @AfterEach
    void resetTheClock() {
        TestClockProducer.CLOCK.reset();
    }

    /** A new path on the receiver answering {@code status}. */
    private static String path(int status) {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(status)));
        return path;
    }

    private record Endpoint(String id, String secret) {
    }

    private Endpoint subscribe(String url, String... events) {
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of(events), "description", "test"))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("enabled", equalTo(true)).body("disabledReason", nullValue())
                .body("secret", startsWith("whsec_"))
                .extract().jsonPath();
        assertThat(Base64.getDecoder().decode(created.getString("secret").substring("whsec_".length()))).hasSize(32);
        return new Endpoint(created.getString("id"), created.getString("secret"));
    }

    private Endpoint subscribe(String path) {
        return subscribe("http://localhost:" + receiver.port() + path, "referral.rewarded");
    }

    /** Sends a test event to the endpoint; the instant the API answered (its transaction had committed). */
    private Instant test(Endpoint endpoint) {
        given().auth().oauth2(admin).post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202);
        return Instant.now();
    }

    private static Received next(String path) throws InterruptedException {
        Received received = queue(path).poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(received).as("a delivery to " + path + " within " + PATIENCE).isNotNull();
        return received;
    }

    private JsonPath deliveries(Endpoint endpoint) {
        return given().auth().oauth2(admin).get("/api/v1/webhooks/" + endpoint.id() + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the delivery log satisfies {@code condition}; the log as it then is. */
    private JsonPath deliveriesWhen(Endpoint endpoint, Predicate<JsonPath> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonPath log = deliveries(endpoint);
        while (!condition.test(log)) {
            assertThat(Instant.now()).as("delivery log of %s: %s", endpoint.id(), log.prettify()).isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling the API: the state shows up there, nothing signals it
            log = deliveries(endpoint);
        }
        return log;
    }

    @Test
    void aHealthyReceiverGetsASignedStandardWebhookWithinASecond() throws Exception {
        String path = path(204);
        Endpoint endpoint = subscribe(path);

        Instant committed = test(endpoint);
        Received received = next(path);
        List<Long> latencies = new ArrayList<>(List.of(Duration.between(committed, received.at()).toMillis()));
        for (int i = 0; i < 4; i++) {
            Instant sent = test(endpoint);
            latencies.add(Duration.between(sent, next(path).at()).toMillis());
        }

        // The first one pays for warming up (connection, JIT); the goal is the steady state, measured here.
        LOG.infof("Webhook latency, commit to receipt (ms): %s", latencies);
        assertThat(latencies.stream().sorted().toList().get(2)).as("median latency, ms").isLessThan(1_000L);
        JsonPath body = JsonPath.from(received.body());
        assertThat(body.getString("id")).isEqualTo(received.id());
        assertThat(body.getString("type")).isEqualTo("webhook.test");
        assertThat(body.getLong("sequence")).isPositive();
        assertThat(body.getString("createdAt")).isNotBlank();
        assertThat(body.getString("data.webhookId")).isEqualTo(endpoint.id());
        assertThat(received.contentType()).startsWith("application/json");
        assertThat(Long.parseLong(received.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), received.id(), received.timestamp(),
                received.body(), received.signature())).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), received.id(), received.timestamp(),
                received.body() + " ", received.signature())).as("a changed body fails").isFalse();

        JsonPath log = deliveriesWhen(endpoint, l -> l.getList("items.status").size() == 5
                && l.getList("items.status").stream().allMatch("SUCCEEDED"::equals));
        assertThat(log.getString("items[4].eventId")).isEqualTo(received.id());
        assertThat(log.getString("items[4].eventType")).isEqualTo("webhook.test");
        assertThat(log.getInt("items[4].attempt")).isEqualTo(1);
        assertThat(log.getInt("items[4].responseStatus")).isEqualTo(204);
        assertThat(log.getString("items[4].nextAttemptAt")).isNull();
        assertThat(log.getInt("total")).isEqualTo(5);
    }

    @Test
    void a500IsRetriedAndTheSecondAttemptSucceeds() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        Endpoint endpoint = subscribe(path);

        test(endpoint);
        Received first = next(path);
        Received second = next(path);

        assertThat(second.id()).as("the same webhook-id on every attempt").isEqualTo(first.id());
        JsonPath log = deliveriesWhen(endpoint, l -> "SUCCEEDED".equals(l.getString("items[0].status")));
        assertThat(log.getList("items.attempt", Integer.class)).containsExactly(2, 1);
        assertThat(log.getList("items.status")).containsExactly("SUCCEEDED", "FAILED");
        assertThat(log.getInt("items[1].responseStatus")).isEqualTo(500);
        assertThat(log.getString("items[1].nextAttemptAt")).isNotNull();
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheAttemptWithoutAStatus() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        Endpoint endpoint = subscribe(path);

        test(endpoint);

        JsonPath log = deliveriesWhen(endpoint, l -> l.getList("items").size() >= 2);
        assertThat(log.getString("items[1].status")).isEqualTo("FAILED");
        assertThat(log.getString("items[1].responseStatus")).isNull();
        assertThat(log.getLong("items[1].durationMs")).isBetween(900L, 2_900L);
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(204);
    }

    @Test
    void aRefusedConnectionFailsTheAttemptWithoutAStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Endpoint endpoint = subscribe("http://127.0.0.1:" + closedPort + "/nobody", "referral.rewarded");

        test(endpoint);

        JsonPath log = deliveriesWhen(endpoint, l -> !l.getList("items").isEmpty()
                && "FAILED".equals(l.getString("items[-1].status")));
        assertThat(log.getString("items[-1].responseStatus")).isNull();
        assertThat(log.getInt("items[-1].attempt")).isEqualTo(1);
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(204);
    }

    @Test
    void aReceiverThatKeepsFailingGetsItsEndpointDisabledAndReEnablingClearsIt() throws Exception {
        String path = path(503);
        Endpoint endpoint = subscribe(path);

        test(endpoint);
        test(endpoint); // 2 events x 4 attempts > 6 failures in a row (the test profile's limit)

        Instant deadline = Instant.now().plus(PATIENCE);
        JsonPath webhook;
        do {
            assertThat(Instant.now()).as("endpoint disabled in time").isBefore(deadline);
            TimeUnit.MILLISECONDS.sleep(50); // polling the API
            webhook = given().auth().oauth2(admin).get("/api/v1/webhooks/" + endpoint.id())
                    .then().statusCode(200).extract().jsonPath();
        } while (webhook.getBoolean("enabled"));
        assertThat(webhook.getString("disabledReason")).contains("6 consecutive failed");
        assertThat(webhook.getString("secret")).isNull();

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200)
                .body("enabled", equalTo(true)).body("disabledReason", nullValue());
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(204);
    }

    @Test
    void afterARotationDeliveriesCarryBothSignaturesUntilTheOverlapEnds() throws Exception {
        String path = path(200);
        Endpoint endpoint = subscribe(path);
        String rotated = given().auth().oauth2(admin).post("/api/v1/webhooks/" + endpoint.id() + "/secret")
                .then().statusCode(200).body("secret", startsWith("whsec_")).extract().path("secret");

        test(endpoint);
        Received during = next(path);
        TestClockProducer.CLOCK.advance(Duration.ofDays(1).plusMinutes(1)); // REFERRAL_WEBHOOK_SECRET_OVERLAP P1D
        test(endpoint);
        Received after = next(path);

        assertThat(during.signature().split(" ")).hasSize(2);
        assertThat(StandardWebhooksVerifier.verifies(rotated, during.id(), during.timestamp(), during.body(),
                during.signature())).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), during.id(), during.timestamp(),
                during.body(), during.signature())).isTrue();
        assertThat(after.signature().split(" ")).hasSize(1);
        assertThat(StandardWebhooksVerifier.verifies(rotated, after.id(), after.timestamp(), after.body(),
                after.signature())).isTrue();
        assertThat(StandardWebhooksVerifier.verifies(endpoint.secret(), after.id(), after.timestamp(), after.body(),
                after.signature())).isFalse();
    }

    @Test
    void aDeletedEndpointGetsNothingMore() throws Exception {
        String failing = path(500);
        Endpoint deleted = subscribe(failing);
        String healthy = path(200);
        Endpoint witness = subscribe(healthy);

        test(deleted);
        next(failing); // the first attempt failed; retries are pending
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + deleted.id()).then().statusCode(204);
        int seen = queue(failing).size();
        // The retries would have been due 0.2 s (+20%) after each failure: the witness's two deliveries take longer.
        test(witness);
        next(healthy);
        TestClockProducer.CLOCK.advance(Duration.ofSeconds(1));
        test(witness);
        next(healthy);

        assertThat(queue(failing).size()).as("deliveries after the delete").isLessThanOrEqualTo(seen);
        given().auth().oauth2(admin).get("/api/v1/webhooks/" + deleted.id()).then().statusCode(404)
                .body("code", equalTo("webhook-not-found"));
    }

    @Test
    void endpointsAreManagedAndValidated() {
        Endpoint endpoint = subscribe(path(200));

        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("events", List.of("*"), "description", "")).patch("/api/v1/webhooks/" + endpoint.id())
                .then().statusCode(200).body("events", equalTo(List.of("*"))).body("description", nullValue());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("colour", "red"))
                .patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost/x", "events", List.of("referral.exploded")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("events"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://localhost/x", "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        given().auth().oauth2(admin).queryParam("size", "100").get("/api/v1/webhooks").then().statusCode(200)
                .body("items.find { it.id == '" + endpoint.id() + "' }.secret", nullValue());
        given().auth().oauth2(Api.newUser().token()).get("/api/v1/webhooks").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(admin).get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then()
                .statusCode(404).body("code", equalTo("webhook-not-found"));
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(404);
    }
}
