package org.openreferral.bootstrap.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

@QuarkusTest
class ReferralsTest {

    @Inject
    Database database;

    @AfterEach
    void resetClock() {
        TestClockProducer.CLOCK.reset();
    }

    @Test
    void seedFlowFromLookupToRewards() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String looked = given().queryParam("email", alice.email()).get("/api/v1/referral-codes/lookup")
                .then().statusCode(200).extract().path("code");
        assertThat(looked).isEqualTo(code);

        String bobName = Api.unique("bob");
        TestUser bob = Api.registerAndLogin(bobName, "bob." + bobName + "@example.com", looked);
        bob.as().get("/api/v1/users/me").then().body("referredBy.id", equalTo(alice.id()))
                .body("referredBy.username", equalTo(alice.username()));

        alice.as().get("/api/v1/users/me/referrals").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].referee.id", equalTo(bob.id()))
                .body("items[0].referee.username", equalTo(bobName))
                .body("items[0].referee.email", equalTo("b***@example.com"))
                .body("items[0].code", equalTo(code));
        alice.as().get("/api/v1/users/" + alice.id() + "/referrals").then().statusCode(200).body("total", equalTo(1));
        alice.as().get("/api/v1/referral-codes/" + code + "/referrals").then().statusCode(200)
                .body("items", hasSize(1));
        alice.as().get("/api/v1/users/me/referral-stats").then().statusCode(200)
                .body("totalReferrals", equalTo(1))
                .body("last7Days", equalTo(1))
                .body("last30Days", equalTo(1))
                .body("activeCode.code", equalTo(code))
                .body("activeCode.referrals", equalTo(1))
                .body("byCode[0].code", equalTo(code))
                .body("byCode[0].status", equalTo("ACTIVE"))
                .body("byCode[0].referrals", equalTo(1))
                .body("rewardBalance", equalTo(10));
        alice.as().get("/api/v1/users/me/rewards").then().statusCode(200)
                .body("balance", equalTo(10))
                .body("entries.total", equalTo(1))
                .body("entries.items[0].points", equalTo(10))
                .body("entries.items[0].reason", equalTo("REFERRAL_REFERRER"));
        bob.as().get("/api/v1/users/me/rewards").then().body("balance", equalTo(0)).body("entries.total", equalTo(0));
    }

    @Test
    void codeInThePathWorksLikeTheBody() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String name = Api.unique("path");
        given().contentType(ContentType.JSON).body(Api.registration(name, name + "@example.com"))
                .post("/api/v1/auth/register/" + code.toLowerCase())
                .then().statusCode(201).body("referredBy.id", equalTo(alice.id()));
    }

    @Test
    void unknownRevokedAndExpiredCodesAreRefusedAndCreateNoAccount() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);

        String name = Api.unique("x");
        Map<String, Object> unknown = withCode(name, "NOSUCHCODE42");
        Api.register(unknown).statusCode(422).contentType("application/problem+json").body("code", equalTo("code-not-found"));
        assertThat(database.usersWithEmail(name + "@example.com")).isZero();

        TestClockProducer.CLOCK.advance(Duration.ofDays(31));
        Api.register(withCode(name, code)).statusCode(422).body("code", equalTo("code-expired"));
        TestClockProducer.CLOCK.reset();

        alice.as().delete("/api/v1/referral-codes/" + code).then().statusCode(204);
        Api.register(withCode(name, code)).statusCode(422).body("code", equalTo("code-revoked"));
        assertThat(database.usersWithEmail(name + "@example.com")).isZero();
        assertThat(database.number("select count(*) from referrals r join users u on u.id = r.referrer_id"
                + " where u.username = ?", alice.username())).isZero();
    }

    @Test
    void selfReferralByCanonicalEmailIsRefused() {
        String name = Api.unique("self");
        TestUser alice = Api.registerAndLogin(name, name + "@gmail.com", null);
        String code = Api.createCode(alice, null);
        String dotted = name.charAt(0) + "." + name.substring(1) + "+promo@googlemail.com";
        Map<String, Object> body = new HashMap<>(Api.registration(Api.unique("self"), dotted));
        body.put("referralCode", code);
        Api.register(body).statusCode(422).body("code", equalTo("self-referral"));
        assertThat(database.usersWithEmail(dotted)).isZero();
    }

    @Test
    void failedRegistrationWithAValidCodeLeavesNoRows() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        TestUser taken = Api.newUser();
        Map<String, Object> body = new HashMap<>(Api.registration(Api.unique("dup"), taken.email()));
        body.put("referralCode", code);
        Api.register(body).statusCode(409).body("code", equalTo("email-taken"));
        assertThat(referralsOf(alice)).isZero();
        assertThat(balanceOf(alice)).isZero();
    }

    @Test
    void hundredConcurrentRegistrationsWithOneCodeAreAllCounted() throws Exception {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String prefix = Api.unique("crowd");
        List<Integer> statuses = Concurrently.run(100, i -> Api.register(withCode(prefix + "n" + i, code))
                .extract().statusCode());
        assertThat(statuses).containsOnly(201);
        assertThat(database.number("select count(*) from users where username like ?", prefix + "n%")).isEqualTo(100);
        assertThat(referralsOf(alice)).isEqualTo(100);
        assertThat(database.number("select count(*) from reward_entries e join users u on u.id = e.user_id"
                + " where u.username = ?", alice.username())).isEqualTo(100);
        assertThat(balanceOf(alice)).isEqualTo(1000);
        alice.as().get("/api/v1/users/me/referral-stats").then().body("rewardBalance", equalTo(1000))
                .body("totalReferrals", equalTo(100));
    }

    @Test
    void revokeRacingRegistrationsCountsExactlyThoseCommittedBeforeIt() throws Exception {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String prefix = Api.unique("racer");
        AtomicBoolean revoked = new AtomicBoolean();
        List<Integer> statuses = Concurrently.run(41, i -> {
            if (i == 20) {
                int status = alice.as().delete("/api/v1/referral-codes/" + code).then().extract().statusCode();
                revoked.set(status == 204);
                return status;
            }
            return Api.register(withCode(prefix + "n" + i, code)).extract().statusCode();
        });
        assertThat(revoked).isTrue();
        long created = statuses.stream().filter(status -> status == 201).count();
        long refused = statuses.stream().filter(status -> status == 422).count();
        assertThat(created + refused).isEqualTo(40);
        assertThat(referralsOf(alice)).isEqualTo(created);
        assertThat(balanceOf(alice)).isEqualTo(created * 10);
        Instant revokedAt = Instant.parse(alice.as().get("/api/v1/referral-codes").then().extract()
                .path("items[0].revokedAt"));
        // Every counted referral committed before the revoke did.
        assertThat(database.number("select count(*) from referrals r join users u on u.id = r.referrer_id"
                + " where u.username = ? and r.created_at > ?", alice.username(), java.sql.Timestamp.from(revokedAt)))
                .isZero();
    }

    @Test
    void othersCannotReadMyReferralsStatsOrCodeReferrals() {
        TestUser alice = Api.newUser();
        TestUser mallory = Api.newUser();
        String code = Api.createCode(alice, null);
        mallory.as().get("/api/v1/users/" + alice.id() + "/referrals").then().statusCode(404)
                .body("code", equalTo("user-not-found"));
        mallory.as().get("/api/v1/referral-codes/" + code + "/referrals").then().statusCode(404)
                .body("code", equalTo("code-not-found"));
        mallory.as().get("/api/v1/users/me/referral-stats").then().statusCode(200)
                .body("totalReferrals", equalTo(0)).body("activeCode", nullValue());
        given().get("/api/v1/users/me/referral-stats").then().statusCode(401);
    }

    private Map<String, Object> withCode(String username, String code) {
        Map<String, Object> body = new HashMap<>(Api.registration(username, username + "@example.com"));
        body.put("referralCode", code);
        return body;
    }

    private long referralsOf(TestUser user) {
        return database.number("select count(*) from referrals where referrer_id = ?::uuid", user.id());
    }

    private long balanceOf(TestUser user) {
        return database.number("select coalesce(sum(points), 0) from reward_entries where user_id = ?::uuid", user.id());
    }
}
