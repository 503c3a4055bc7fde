package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhook endpoints as machine clients and admins manage them, with the SSRF guard's production settings (no
 * http, no private networks): a client manages its own endpoints only, and refused URLs are 422
 * {@code webhook-url-rejected}. Runs in the {@code qualify-on=event} profile (no extra boot).
 */
@QuarkusTest
@TestProfile(QualifyOnEventProfile.class)
class WebhookClientsTest {

    private String admin;

    @BeforeEach
    void logInTheAdmin() {
        admin = Lifecycle.adminToken();
    }

    private String clientToken(String... scopes) {
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "scopes", List.of(scopes)))
                .post("/api/v1/clients").then().statusCode(201).extract().jsonPath();
        return given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", created.getString("id"))
                .formParam("client_secret", created.getString("secret"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** Subscribes a URL in TEST-NET-1 (public to the guard, and nobody is there). */
    private static String subscribe(String token, String url) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("referral.rewarded")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hooks", "https://127.0.0.1/hooks", "https://10.0.0.8/hooks",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks", "https://[::ffff:192.168.0.1]/hooks",
            "https://100.64.0.1/hooks", "https://localhost/hooks"})
    void urlsTheGuardRefusesAre422(String url) {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(422).body("code", equalTo("webhook-url-rejected"));
    }

    @Test
    void aClientManagesItsOwnEndpointsOnlyAndAnAdminSeesThemAll() {
        String crm = clientToken("webhooks:write");
        String shop = clientToken("webhooks:write");
        String crms = subscribe(crm, "https://192.0.2.10/crm");
        String shops = subscribe(shop, "https://192.0.2.10/shop");

        given().auth().oauth2(crm).get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", equalTo(List.of(crms))).body("total", equalTo(1));
        given().auth().oauth2(crm).get("/api/v1/webhooks/" + shops).then().statusCode(404)
                .body("code", equalTo("webhook-not-found"));
        given().auth().oauth2(crm).delete("/api/v1/webhooks/" + shops).then().statusCode(404);
        given().auth().oauth2(crm).post("/api/v1/webhooks/" + shops + "/test").then().statusCode(404);
        given().auth().oauth2(crm).contentType(ContentType.JSON).body(Map.of("url", "https://127.0.0.1/x"))
                .patch("/api/v1/webhooks/" + crms).then().statusCode(422)
                .body("code", equalTo("webhook-url-rejected"));
        given().auth().oauth2(admin).queryParam("size", "100").get("/api/v1/webhooks").then().statusCode(200)
                .body("items.id", hasItems(crms, shops));
        given().auth().oauth2(clientToken("events:read")).get("/api/v1/webhooks").then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        // Not left subscribed: the other tests of this profile reward referrals.
        given().auth().oauth2(crm).delete("/api/v1/webhooks/" + crms).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/v1/webhooks/" + shops).then().statusCode(204);
    }
}
