package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.lifecycle.Lifecycle.Referrer;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;

/** The lifecycle end to end with {@code qualify-on=event}: qualify, void, caps, the mailbox rule, and their races. */
@QuarkusTest
@TestProfile(QualifyOnEventProfile.class)
class QualifyOnEventTest {

    @Inject
    Database database;

    private String admin;

    @BeforeEach
    void logInTheAdmin() {
        admin = Lifecycle.adminToken();
    }

    @Test
    void aReferralWaitsForItsEventAndIsRewardedWhenAnAdminQualifiesIt() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);

        alice.user().as().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("points", equalTo(0)).body("rewardedAt", nullValue());
        assertThat(Lifecycle.balance(alice.user())).isZero();

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("externalId", "order-1"))
                .post("/api/v1/referrals/" + id + "/qualify").then().statusCode(200)
                .body("status", equalTo("REWARDED")).body("points", equalTo(10)).body("statusReason", nullValue());
        Lifecycle.qualify(admin, id).statusCode(200).body("status", equalTo("REWARDED"));

        assertThat(Lifecycle.balance(alice.user())).isEqualTo(10);
        assertThat(Lifecycle.stats(alice.user()).getMap("byStatus")).containsExactlyInAnyOrderEntriesOf(
                Map.of("PENDING", 0, "FLAGGED", 0, "QUALIFIED", 0, "REWARDED", 1, "VOIDED", 0));
        alice.user().as().get("/api/v1/users/me/referrals").then().body("items[0].status", equalTo("REWARDED"));
    }

    @Test
    void onlyAdminsUseTheLifecycleAndOnlyTheReferrerReadsTheirs() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);
        TestUser mallory = Api.newUser();

        mallory.as().get("/api/v1/referrals").then().statusCode(403).body("code", equalTo("forbidden"));
        mallory.as().get("/api/v1/referrals/" + id).then().statusCode(404).body("code", equalTo("referral-not-found"));
        mallory.as().contentType("application/json").body("{}").post("/api/v1/referrals/" + id + "/qualify")
                .then().statusCode(403);
        alice.user().as().get("/api/v1/referrals/" + id).then().statusCode(200)
                .body("referee.email", matchesPattern("^.\\*\\*\\*@example\\.com$"));
        Lifecycle.referral(admin, id).statusCode(200).body("referee.email", matchesPattern("^referee.+@example\\.com$"));
        given().auth().oauth2(admin).queryParam("referrerId", alice.user().id()).get("/api/v1/referrals")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(admin).queryParam("status", "pending").get("/api/v1/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        Lifecycle.referral(admin, "not-a-uuid").statusCode(404);
    }

    @Test
    void voidingARewardedReferralAppendsANegativeEntryAndTheBalanceDrops() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);
        Lifecycle.qualify(admin, id).statusCode(200);

        Lifecycle.voidReferral(admin, id, "refunded").statusCode(200)
                .body("status", equalTo("VOIDED")).body("statusReason", equalTo("refunded"));
        Lifecycle.voidReferral(admin, id, "again").statusCode(200).body("statusReason", equalTo("refunded"));

        assertThat(Lifecycle.balance(alice.user())).isZero();
        alice.user().as().get("/api/v1/users/me/rewards").then()
                .body("entries.items[0].points", equalTo(-10)).body("entries.items[0].reason", equalTo("REFERRAL_VOIDED"));
        Lifecycle.qualify(admin, id).statusCode(409).body("code", equalTo("referral-voided"));
        Lifecycle.approve(admin, id).statusCode(409).body("code", equalTo("referral-not-flagged"));
        Lifecycle.voidReferral(admin, id, "").statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void oneMailboxIsReferredOnceAndTheSecondRegistrationCreatesNoAccount() {
        String name = Api.unique("bob").toLowerCase().replaceAll("[^a-z]", "");
        Api.register(Map.of("username", Api.unique("bob"), "email", name + "@gmail.com", "password", Api.PASSWORD,
                "referralCode", Lifecycle.referrer().code())).statusCode(201);
        String again = name.charAt(0) + "." + name.substring(1) + "+x@gmail.com";

        Api.register(Map.of("username", Api.unique("bob"), "email", again, "password", Api.PASSWORD,
                        "referralCode", Lifecycle.referrer().code()))
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("mailbox-already-referred"));
        assertThat(database.usersWithEmail(again)).isZero();
    }

    @Test
    void theReferralAtTheLifetimeCapIsRewardedWithoutPoints() {
        Referrer alice = Lifecycle.referrer();
        List<String> ids = IntStream.rangeClosed(0, QualifyOnEventProfile.LIFETIME_CAP)
                .mapToObj(i -> Lifecycle.referee(alice, database)).toList();

        ids.subList(0, QualifyOnEventProfile.LIFETIME_CAP).forEach(id ->
                Lifecycle.qualify(admin, id).statusCode(200).body("points", equalTo(10)));
        Lifecycle.qualify(admin, ids.get(QualifyOnEventProfile.LIFETIME_CAP)).statusCode(200)
                .body("status", equalTo("REWARDED")).body("points", equalTo(0))
                .body("statusReason", equalTo("cap-reached"));

        assertThat(Lifecycle.balance(alice.user())).isEqualTo(10L * QualifyOnEventProfile.LIFETIME_CAP);
    }

    @Test
    void fiftyReferralsQualifiedAtOnceUnderALifetimeCapOfTenCreditExactlyTen() throws Exception {
        Referrer alice = Lifecycle.referrer();
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> Lifecycle.referee(alice, database)).toList();

        List<Integer> points = Concurrently.run(ids.size(),
                i -> Lifecycle.qualify(admin, ids.get(i)).statusCode(200).extract().<Integer>path("points"));

        assertThat(points.stream().filter(p -> p > 0)).hasSize(QualifyOnEventProfile.LIFETIME_CAP);
        assertThat(Lifecycle.balance(alice.user())).isEqualTo(10L * QualifyOnEventProfile.LIFETIME_CAP);
        assertThat(Lifecycle.ledgerAndRewardedPoints(database, alice.user())).containsExactly(100, 100);
    }

    @Test
    void qualifyAndVoidRacingOnOneReferralLeaveOneStateAndAConsistentLedger() throws Exception {
        Referrer alice = Lifecycle.referrer();
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> Lifecycle.referee(alice, database)).toList();

        List<Integer> statuses = Concurrently.run(ids.size() * 2, i -> i % 2 == 0
                ? Lifecycle.qualify(admin, ids.get(i / 2)).extract().statusCode()
                : Lifecycle.voidReferral(admin, ids.get(i / 2), "race").statusCode(200).extract().statusCode());

        assertThat(statuses).allMatch(status -> status == 200 || status == 409);
        ids.forEach(id -> Lifecycle.referral(admin, id).body("status", equalTo("VOIDED")));
        long[] sums = Lifecycle.ledgerAndRewardedPoints(database, alice.user());
        assertThat(sums[0]).isEqualTo(sums[1]).isZero();
        assertThat(database.number("select count(*) from reward_entries e join referrals r on r.id = e.referral_id"
                + " where r.referrer_id = ?::uuid and e.points > 0", alice.user().id()))
                .isEqualTo(database.number("select count(*) from reward_entries e join referrals r"
                        + " on r.id = e.referral_id where r.referrer_id = ?::uuid and e.points < 0", alice.user().id()));
    }
}
