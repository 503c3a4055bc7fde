package org.openreferral.bootstrap.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.openreferral.bootstrap.support.Api.PASSWORD;
import static org.openreferral.bootstrap.support.Api.register;
import static org.openreferral.bootstrap.support.Api.registration;
import static org.openreferral.bootstrap.support.Api.unique;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccountsTest {

    @Inject
    Database database;

    @Test
    void registerThenTokenThenMe() {
        String username = unique("alice");
        String email = username + "@Example.com";
        Map<String, Object> body = new HashMap<>(registration(username, email));
        body.put("name", "Alice Example");
        var created = register(body)
                .statusCode(201)
                .body("username", equalTo(username))
                .body("email", equalTo(email.toLowerCase()))
                .body("name", equalTo("Alice Example"))
                .body("roles", contains("user"))
                .body("referredBy", nullValue())
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + id);

        String token = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", email).formParam("password", PASSWORD)
                .when().post("/api/v1/auth/token")
                .then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .extract().path("access_token");

        given().auth().oauth2(token).when().get("/api/v1/users/me")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(username));
        given().auth().oauth2(token).when().get("/api/v1/users/" + id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void tokenAcceptsJsonAndUsernameInAnyCase() {
        TestUser user = Api.newUser();
        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "username", user.username().toUpperCase(), "password", PASSWORD))
                .when().post("/api/v1/auth/token")
                .then().statusCode(200).body("access_token", notNullValue());
        given().contentType(ContentType.JSON)
                .body(Map.of("username", user.username(), "password", PASSWORD))
                .when().post("/api/v1/auth/token")
                .then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        TestUser user = Api.newUser();
        String wrongPassword = given().contentType(ContentType.URLENC)
                .formParam("username", user.username()).formParam("password", "not the password")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("invalid-credentials"))
                .extract().body().asString();
        String unknownUser = given().contentType(ContentType.URLENC)
                .formParam("username", unique("ghost")).formParam("password", "not the password")
                .when().post("/api/v1/auth/token")
                .then().statusCode(401)
                .extract().body().asString();
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void unsupportedGrantIsABadRequest() {
        given().contentType(ContentType.URLENC).formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .when().post("/api/v1/auth/token")
                .then().statusCode(400).body("code", equalTo("validation-failed"));
    }

    @Test
    void duplicateEmailInAnotherCaseIsAConflictAndNothingIsStored() {
        String username = unique("bob");
        register(registration(username, username + "@example.com")).statusCode(201);
        register(registration(unique("bob"), username.toUpperCase() + "@EXAMPLE.COM"))
                .statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("email-taken"))
                .body("status", equalTo(409));
        assertThat(database.usersWithEmail(username + "@example.com")).isEqualTo(1);
    }

    @Test
    void duplicateUsernameInAnotherCaseIsAConflict() {
        String username = unique("carol");
        register(registration(username, username + "@example.com")).statusCode(201);
        register(registration(username.toUpperCase(), unique("c") + "@example.com"))
                .statusCode(409).body("code", equalTo("username-taken"));
    }

    @Test
    void racingDuplicateRegistrationsYieldOneCreatedAndConflictsNeverA500() throws Exception {
        String username = unique("race");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String email = i % 2 == 0 ? username + "@example.com" : username.toUpperCase() + "@example.com";
                attempts.add(() -> register(registration(i(username, email), email)).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(attempts)) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
            assertThat(database.usersWithEmail(username + "@example.com")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String i(String username, String email) {
        return email.startsWith(username) ? username : username.toUpperCase();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{",
            "not json",
            "[]",
            "{\"username\": 42, \"email\": \"x@example.com\", \"password\": \"correct horse battery\"}",
            "{\"username\": [\"a\"], \"email\": \"x@example.com\", \"password\": \"correct horse battery\"}",
            "{\"email\": \"x@example.com\", \"password\": \"correct horse battery\"}",
            "{\"username\": \"valid_name\", \"password\": \"correct horse battery\"}",
            "{\"username\": \"valid_name\", \"email\": \"x@example.com\"}",
            "{\"username\": \"valid_name\", \"email\": \"x@example.com\", \"password\": \"correct horse battery\", \"role\": \"admin\"}",
            "{\"username\": \"valid_name\", \"email\": \"not-an-email\", \"password\": \"correct horse battery\"}",
            "{\"username\": \"valid_name\", \"email\": \"x@example.com\", \"password\": \"short\"}",
            "{\"username\": \"valid_name\", \"email\": \"x@example.com\", \"password\": \"password1\"}",
            "{\"username\": \"no spaces allowed\", \"email\": \"x@example.com\", \"password\": \"correct horse battery\"}",
            "{\"username\": \"ab\", \"email\": \"x@example.com\", \"password\": \"correct horse battery\"}",
            "{\"username\": \"valid_name\", \"email\": \"x@example.com\", \"password\": \"correct horse battery\", \"referralCode\": \"bad code!\"}",
            ""
    })
    void badRegistrationIsA400ProblemAndStoresNothing(String body) {
        long before = database.number("select count(*) from users");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/auth/register")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("code", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("type", notNullValue())
                .body("instance", equalTo("/api/v1/auth/register"));
        assertThat(database.number("select count(*) from users")).isEqualTo(before);
    }

    @Test
    void overLongFieldsAreRejected() {
        String longName = "x".repeat(101);
        Map<String, Object> body = new HashMap<>(registration(unique("long"), unique("long") + "@example.com"));
        body.put("name", longName);
        register(body).statusCode(400).body("code", equalTo("validation-failed")).body("errors.field", hasItem("name"));
        register(registration("u".repeat(33), unique("long") + "@example.com")).statusCode(400);
        register(registration(unique("long"), "a".repeat(250) + "@example.com")).statusCode(400);
        Map<String, Object> longPassword = new HashMap<>(registration(unique("long"), unique("long") + "@example.com"));
        longPassword.put("password", "p".repeat(129));
        register(longPassword).statusCode(400).body("errors.field", hasItem("password"));
    }

    @Test
    void commonPasswordIsRefusedWithAClearMessage() {
        Map<String, Object> body = new HashMap<>(registration(unique("weak"), unique("weak") + "@example.com"));
        body.put("password", "iloveyou");
        register(body).statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void meWithoutATokenIsA401Problem() {
        given().when().get("/api/v1/users/me")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().oauth2("not.a.token").when().get("/api/v1/users/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anotherUsersProfileIsNotFound() {
        TestUser alice = Api.newUser();
        TestUser bob = Api.newUser();
        alice.as().when().get("/api/v1/users/" + bob.id())
                .then().statusCode(404).body("code", equalTo("user-not-found"));
        alice.as().when().get("/api/v1/users/not-a-uuid")
                .then().statusCode(404).body("code", equalTo("user-not-found"));
    }

    @Test
    void unknownPathIsA404Problem() {
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
