package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;

/**
 * Control characters and unpaired surrogates are refused at the boundary with a 400 naming the field, in JSON
 * bodies, forms and query parameters alike (they used to reach PostgreSQL, which refuses NUL with a 500).
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class ControlCharactersTest extends SecurityTestBase {

    @Test
    void aNulInAJsonLoginIsAValidationErrorNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "password", "username", "ali\u0000ce", "password", Api.PASSWORD))
                .post("/api/v1/auth/token").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void aNulInAFormLoginIsAValidationErrorNamingTheField() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", "ali\u0000ce")
                .formParam("password", Api.PASSWORD)
                .post("/api/v1/auth/token").then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("username"));
    }

    @Test
    void aNulInTheUserSearchIsAValidationErrorNamingTheParameter() {
        given().auth().oauth2(adminToken()).urlEncodingEnabled(false)
                .get("/api/v1/users?q=%00").then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("q"));
    }

    @Test
    void c1ControlsAndUnpairedSurrogatesAreRefusedAsWell() {
        given().contentType(ContentType.JSON)
                .body("{\"username\":\"bob\\u0085\",\"email\":\"bob@example.com\",\"password\":\"" + Api.PASSWORD
                        + "\"}")
                .post("/api/v1/auth/register").then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("username"));
        given().contentType(ContentType.JSON)
                .body("{\"username\":\"bob\",\"email\":\"bob@example.com\",\"password\":\"pass\\ud800word pass\"}")
                .post("/api/v1/auth/register").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void aNewlineIsFineInAVoidReasonButNotInAName() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.unique("nl"), "email", Api.unique("nl") + "@example.com",
                        "password", Api.PASSWORD, "name", "Jane\nDoe"))
                .post("/api/v1/auth/register").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        // A void reason is multi-line free text: a tab or a line break is no reason for a 400 (the 404 is about
        // the referral, which does not exist).
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "duplicate\r\n\tsee ticket 12"))
                .post("/api/v1/referrals/00000000-0000-0000-0000-000000000000/void").then()
                .statusCode(404);
        given().auth().oauth2(adminToken()).contentType(ContentType.JSON)
                .body(Map.of("reason", "duplicate\u0000"))
                .post("/api/v1/referrals/00000000-0000-0000-0000-000000000000/void").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void charactersBeyondTheBasicPlaneAreText() {
        String username = Api.unique("emoji");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@example.com",
                        "password", Api.PASSWORD, "name", "Jane \uD83D\uDE00"))
                .post("/api/v1/auth/register").then()
                .statusCode(201)
                .body("name", equalTo("Jane \uD83D\uDE00"));
    }

    private static String adminToken() {
        return Accounts.login(AccountSecurityProfile.ADMIN_EMAIL, AccountSecurityProfile.ADMIN_PASSWORD)
                .accessToken();
    }
}
