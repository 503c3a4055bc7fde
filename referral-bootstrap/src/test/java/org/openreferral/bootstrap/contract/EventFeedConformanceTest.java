package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/**
 * Real answers of the event feed, with an event of every type a REST flow causes, conform to the served document
 * (each type's {@code data} schema), and an answer whose data carries an undocumented field (an email) does not.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventFeedConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TYPES = Set.of("user.registered", "user.email_verified", "code.created",
            "code.revoked", "referral.created", "referral.qualified", "referral.rewarded", "referral.voided");

    @TestHTTPResource("/")
    URI base;
    @Inject
    DataSource dataSource;
    @Inject
    TokenSecrets tokenSecrets;

    private Http.Received feed(String token, long after) {
        return Http.send(base, new Http.Sent("GET", "/api/v1/events?after=" + after + "&limit=500",
                Map.of("Authorization", "Bearer " + token), null));
    }

    private static JsonNode json(Http.Received page) {
        try {
            return JSON.readTree(page.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence of the newest event: the feed read on until a page comes back empty. */
    private long endOfFeed(String token) {
        long after = 0;
        while (true) {
            Http.Received page = feed(token, after);
            assertThat(page.status()).isEqualTo(200);
            if (json(page).path("items").isEmpty()) {
                return after;
            }
            after = json(page).path("next").asLong();
        }
    }

    private static Set<String> types(Http.Received page) {
        Set<String> types = new HashSet<>();
        json(page).path("items").forEach(item -> types.add(item.path("type").asText()));
        return types;
    }

    @Test
    void feedAnswersWithEveryTypeConformAndAnEmailInTheDataDoesNot() throws Exception {
        Fixtures fixtures = new Fixtures(dataSource, tokenSecrets);
        Fixtures.Account admin = fixtures.newAdmin();
        long start = endOfFeed(admin.accessToken());
        Fixtures.Account alice = fixtures.newAccount();
        String code = fixtures.activeCode(alice);
        String bobName = Fixtures.uniqueUsername();
        String bobId = Api.register(Map.of("username", bobName, "email", bobName + "@example.com",
                "password", Api.PASSWORD, "referralCode", code)).statusCode(201).extract().path("id");
        String token = fixtures.verificationToken(new Fixtures.Account(bobId, bobName, null, null, null));
        given().contentType(ContentType.JSON).body(Map.of("token", token))
                .post("/api/v1/auth/email-verification/confirm").then().statusCode(204);
        // A pending referral stored below the use case: voiding Bob's rewarded one would leave a credit and its
        // reversal in the ledger this boot shares with the soak test's whole-database checks.
        String referral = fixtures.referral(false);
        given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON).body(Map.of("reason", "refunded"))
                .post("/api/v1/referrals/" + referral + "/void").then().statusCode(200);
        given().auth().oauth2(alice.accessToken()).delete("/api/v1/referral-codes/" + code).then().statusCode(204);

        Http.Received page = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> feed(admin.accessToken(), start), answer -> types(answer).containsAll(TYPES));

        Conformance conformance = new Conformance(ServedSpec.fetch().responseValidator());
        assertThatCode(() -> conformance.check("GET", "/api/v1/events", page, "the feed after the flow"))
                .doesNotThrowAnyException();
        assertThat(page.body()).doesNotContain("@");

        ObjectNode doctored = (ObjectNode) json(page);
        JsonNode first = doctored.path("items").get(0);
        ((ObjectNode) first.path("data")).put("email", bobName + "@example.com");
        Http.Received withEmail = new Http.Received(200, page.headers(), JSON.writeValueAsString(doctored));
        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/events", withEmail, "synthetic"))
                .hasMessageContaining("invalid response");
    }
}
