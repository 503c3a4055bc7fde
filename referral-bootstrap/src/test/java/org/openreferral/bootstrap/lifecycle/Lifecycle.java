package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/** REST Assured steps of the referral lifecycle for end-to-end tests: the admin's calls and what they read. */
final class Lifecycle {

    static final String ADMIN_EMAIL = "admin@lifecycle.test";
    static final String ADMIN_PASSWORD = "the lifecycle admin passphrase";

    private Lifecycle() {
    }

    /** The admin settings of a lifecycle test profile. */
    static Map<String, String> adminSettings() {
        return Map.of("referral.admin.email", ADMIN_EMAIL, "referral.admin.password", ADMIN_PASSWORD);
    }

    static String adminToken() {
        return Api.token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A referrer with an active code that expires 30 days after the service's clock. */
    static Referrer referrer() {
        return referrer(Duration.ofDays(30));
    }

    /** A referrer with an active code that expires {@code ttl} after the service's clock. */
    static Referrer referrer(Duration ttl) {
        TestUser user = Api.newUser();
        String code = user.as().contentType(ContentType.JSON)
                .body(Map.of("expiresAt", TestClockProducer.CLOCK.instant().plus(ttl).toString()))
                .post("/api/v1/referral-codes").then().statusCode(201).extract().path("code");
        return new Referrer(user, code);
    }

    /** A user who registers with the referrer's code; answers the id of their referral. */
    static String referee(Referrer referrer, Database database) {
        String name = Api.unique("referee");
        String refereeId = Api.register(Map.of("username", name, "email", name + "@example.com",
                "password", Api.PASSWORD, "referralCode", referrer.code())).statusCode(201).extract().path("id");
        return database.text("select id::text from referrals where referee_id = ?::uuid", refereeId);
    }

    static ValidatableResponse referral(String admin, String id) {
        return given().auth().oauth2(admin).get("/api/v1/referrals/" + id).then();
    }

    static ValidatableResponse qualify(String admin, String id) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/referrals/" + id + "/qualify").then();
    }

    static ValidatableResponse voidReferral(String admin, String id, String reason) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/referrals/" + id + "/void").then();
    }

    static ValidatableResponse approve(String admin, String id) {
        return given().auth().oauth2(admin).post("/api/v1/referrals/" + id + "/approve").then();
    }

    static long balance(TestUser user) {
        return user.as().get("/api/v1/users/me/rewards").then().statusCode(200).extract().jsonPath().getLong("balance");
    }

    static JsonPath stats(TestUser user) {
        return user.as().get("/api/v1/users/me/referral-stats").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The ledger invariant: the referrer's ledger sum equals the points of their REWARDED referrals (each credit
     * written once, each void reversed once). Answers both sides.
     */
    static long[] ledgerAndRewardedPoints(Database database, TestUser referrer) {
        return new long[] {
                database.number("select coalesce(sum(points), 0) from reward_entries where user_id = ?::uuid",
                        referrer.id()),
                database.number("select coalesce(sum(points), 0) from referrals where referrer_id = ?::uuid"
                        + " and status = 'REWARDED'", referrer.id())};
    }

    /** A referrer and their active code. */
    record Referrer(TestUser user, String code) {
    }
}
