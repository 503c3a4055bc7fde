package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.openreferral.bootstrap.support.Api;

/** REST helpers of the account-security tests: users with both tokens, the grants, logout. */
final class Accounts {

    private Accounts() {
    }

    /** A registered user and the tokens of one login session. */
    record Session(String userId, String username, String email, String accessToken, String refreshToken) {
    }

    /** Tokens as the token endpoint hands them out. */
    record Tokens(String accessToken, String refreshToken) {
    }

    static Session newSession() {
        String username = Api.unique("sec");
        String email = username + "@example.com";
        String id = Api.register(Api.registration(username, email)).statusCode(201).extract().path("id");
        Tokens tokens = login(username, Api.PASSWORD);
        return new Session(id, username, email, tokens.accessToken(), tokens.refreshToken());
    }

    static Tokens login(String login, String password) {
        var body = passwordGrant(login, password).statusCode(200).extract();
        return new Tokens(body.path("access_token"), body.path("refresh_token"));
    }

    static ValidatableResponse passwordGrant(String login, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", login)
                .formParam("password", password)
                .when().post("/api/v1/auth/token").then();
    }

    static ValidatableResponse refreshGrant(String refreshToken) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .when().post("/api/v1/auth/token").then();
    }

    static ValidatableResponse refreshGrantAsJson(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .when().post("/api/v1/auth/token").then();
    }

    static Tokens refreshed(String refreshToken) {
        var body = refreshGrant(refreshToken).statusCode(200).extract();
        return new Tokens(body.path("access_token"), body.path("refresh_token"));
    }

    static ValidatableResponse me(String accessToken) {
        return given().auth().oauth2(accessToken).when().get("/api/v1/users/me").then();
    }

    static ValidatableResponse logout(String accessToken) {
        return given().auth().oauth2(accessToken).when().post("/api/v1/auth/logout").then();
    }
}
