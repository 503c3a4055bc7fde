package org.openreferral.bootstrap.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Small REST Assured helpers for end-to-end tests: fresh users, tokens and codes. */
public final class Api {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {
    }

    /** A name nobody else in the test run has. */
    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A registered user. */
    public record TestUser(String id, String username, String email, String token) {

        public RequestSpecification as() {
            return given().auth().oauth2(token);
        }
    }

    public static Map<String, Object> registration(String username, String email) {
        return Map.of("username", username, "email", email, "password", PASSWORD);
    }

    public static ValidatableResponse register(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/register").then();
    }

    public static TestUser newUser() {
        String username = unique("user");
        return registerAndLogin(username, username + "@example.com", null);
    }

    public static TestUser registerAndLogin(String username, String email, String referralCode) {
        Map<String, Object> body = new java.util.HashMap<>(registration(username, email));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        String id = register(body).statusCode(201).extract().path("id");
        return new TestUser(id, username, email, token(username, PASSWORD));
    }

    public static String token(String login, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", login)
                .formParam("password", password)
                .when().post("/api/v1/auth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String createCode(TestUser user, String customCode) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("expiresAt", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        if (customCode != null) {
            body.put("code", customCode);
        }
        return user.as().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/referral-codes")
                .then().statusCode(201)
                .extract().path("code");
    }
}
