package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.lifecycle.Lifecycle.Referrer;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Database;

/**
 * Machine clients end to end: admins manage them, the client credentials grant (Basic and form), scopes on the
 * referral lifecycle, client tokens refused on endpoints for people, and a deleted client's tokens refused. Runs in
 * the {@code qualify-on=event} profile (no extra boot), whose subject check remembers nothing.
 */
@QuarkusTest
@TestProfile(QualifyOnEventProfile.class)
class ClientsTest {

    @Inject
    Database database;

    private String admin;

    @BeforeEach
    void logInTheAdmin() {
        admin = Lifecycle.adminToken();
    }

    private record Client(String id, String secret) {
    }

    private Client client(String... scopes) {
        JsonPath created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "crm", "scopes", List.of(scopes)))
                .post("/api/v1/clients").then().statusCode(201)
                .body("name", equalTo("crm")).body("scopes", equalTo(List.of(scopes)))
                .body("secret", notNullValue()).body("createdAt", notNullValue())
                .extract().jsonPath();
        return new Client(created.getString("id"), created.getString("secret"));
    }

    private static String basic(Client client) {
        String pair = URLEncoder.encode(client.id(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.secret(), StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(Client client) {
        return given().header("Authorization", basic(client)).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void anAdminCreatesAClientWhoseSecretIsShownOnceAndListsItWithoutSecrets() {
        Client crm = client("referrals:read", "referrals:write");

        given().auth().oauth2(admin).queryParam("size", "100").get("/api/v1/clients").then().statusCode(200)
                .body("items.id", hasItem(crm.id()))
                .body("items.secret", everyItem(nullValue()))
                .body("items.find { it.id == '" + crm.id() + "' }.scopes",
                        equalTo(List.of("referrals:read", "referrals:write")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "crm", "scopes", List.of("referrals:read", "everything")))
                .post("/api/v1/clients").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("errors[0].field", equalTo("scopes"));
    }

    @Test
    void aPersonWhoIsNoAdminCannotManageClients() {
        TestUser mallory = Api.newUser();
        Client crm = client("referrals:read");

        mallory.as().contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("referrals:read")))
                .post("/api/v1/clients").then().statusCode(403).body("code", equalTo("forbidden"));
        mallory.as().get("/api/v1/clients").then().statusCode(403).body("code", equalTo("forbidden"));
        mallory.as().delete("/api/v1/clients/" + crm.id()).then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(token(crm)).get("/api/v1/clients").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void aClientGetsATokenByBasicOrByFormAndMayAskForASubsetOfItsScopes() {
        Client crm = client("referrals:read", "referrals:write");

        given().header("Authorization", basic(crm)).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("expires_in", greaterThan(0))
                .body("scope", equalTo("referrals:read referrals:write"))
                .body("refresh_token", nullValue());
        String readOnly = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", crm.id())
                .formParam("client_secret", crm.secret()).formParam("scope", "referrals:read")
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("scope", equalTo("referrals:read")).extract().path("access_token");

        String id = Lifecycle.referee(Lifecycle.referrer(), database);
        given().auth().oauth2(readOnly).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + id + "/qualify").then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").formParam("client_id", crm.id())
                .formParam("client_secret", crm.secret()).formParam("scope", "referrals:read users:read")
                .post("/api/v1/auth/token").then().statusCode(400).body("code", equalTo("invalid-scope"));
    }

    @Test
    void aClientGetsATokenByJsonToo() {
        Client crm = client("referrals:read", "referrals:write");

        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", crm.id(), "client_secret", crm.secret(),
                        "scope", "referrals:read"))
                .post("/api/v1/auth/token").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("token_type", equalTo("Bearer")).body("scope", equalTo("referrals:read"))
                .body("refresh_token", nullValue());
        given().header("Authorization", basic(crm)).contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials"))
                .post("/api/v1/auth/token").then().statusCode(200)
                .body("scope", equalTo("referrals:read referrals:write"));
        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "client_credentials", "client_id", crm.id(), "client_secret", "wrong"))
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-client"));
    }

    @Test
    void usersReadLetsAClientListAndReadUsers() {
        TestUser jane = Api.newUser();
        String reader = token(client("users:read"));
        String other = token(client("referrals:read"));

        given().auth().oauth2(reader).queryParam("q", jane.username()).get("/api/v1/users").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(jane.id()));
        given().auth().oauth2(reader).get("/api/v1/users/" + jane.id()).then().statusCode(200)
                .body("username", equalTo(jane.username()));
        given().auth().oauth2(other).get("/api/v1/users").then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        given().auth().oauth2(other).get("/api/v1/users/" + jane.id()).then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        given().auth().oauth2(reader).get("/api/v1/users/me").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        Api.newUser().as().get("/api/v1/users").then().statusCode(403).body("code", equalTo("forbidden"));
        Api.newUser().as().get("/api/v1/users/" + jane.id()).then().statusCode(404);
    }

    @Test
    void aWrongSecretAndAnUnknownClientGetTheSameAnswer() {
        Client crm = client("referrals:read");

        for (Client wrong : List.of(new Client(crm.id(), crm.secret() + "x"),
                new Client(java.util.UUID.randomUUID().toString(), crm.secret()), new Client("not-an-id", "x"))) {
            given().header("Authorization", basic(wrong)).contentType(ContentType.URLENC)
                    .formParam("grant_type", "client_credentials")
                    .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-client"));
            given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                    .formParam("client_id", wrong.id()).formParam("client_secret", wrong.secret())
                    .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-client"));
        }
    }

    @Test
    void aClientTokenIsRefusedOnEndpointsForPeople() {
        String token = token(client("referrals:read", "users:read"));

        for (String path : List.of("/api/v1/users/me", "/api/v1/users/me/referrals", "/api/v1/users/me/referral-stats",
                "/api/v1/users/me/rewards", "/api/v1/referral-codes")) {
            given().auth().oauth2(token).get(path).then().statusCode(403).body("code", equalTo("forbidden"));
        }
        given().auth().oauth2(token).post("/api/v1/auth/logout").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(token).post("/api/v1/auth/email-verification").then().statusCode(403)
                .body("code", equalTo("forbidden"));
    }

    @Test
    void scopesOpenTheLifecycleToClients() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);
        String reader = token(client("referrals:read"));
        String writer = token(client("referrals:write"));

        given().auth().oauth2(reader).queryParam("referrerId", alice.user().id()).get("/api/v1/referrals")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].referee.email", matchesPattern("^referee.+@example\\.com$"));
        given().auth().oauth2(reader).get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("referee.email", not(matchesPattern(".*\\*\\*\\*.*")));
        given().auth().oauth2(writer).get("/api/v1/referrals").then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));

        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("externalId", "order-7"))
                .post("/api/v1/referrals/" + id + "/qualify").then().statusCode(200)
                .body("status", equalTo("REWARDED"));
        given().auth().oauth2(writer).post("/api/v1/referrals/" + id + "/approve").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        given().auth().oauth2(writer).contentType(ContentType.JSON).body(Map.of("reason", "refund"))
                .post("/api/v1/referrals/" + id + "/void").then().statusCode(200)
                .body("status", equalTo("VOIDED"));
    }

    @Test
    void aDeletedClientsSecretAndTokensStopWorking() {
        Client crm = client("referrals:read");
        String token = token(crm);
        given().auth().oauth2(token).get("/api/v1/referrals").then().statusCode(200);

        given().auth().oauth2(admin).delete("/api/v1/clients/" + crm.id()).then().statusCode(204);

        given().auth().oauth2(token).get("/api/v1/referrals").then().statusCode(401)
                .body("code", equalTo("token-revoked"));
        given().header("Authorization", basic(crm)).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(401).body("code", equalTo("invalid-client"));
        given().auth().oauth2(admin).delete("/api/v1/clients/" + crm.id()).then().statusCode(404)
                .body("code", equalTo("client-not-found"));
    }
}
