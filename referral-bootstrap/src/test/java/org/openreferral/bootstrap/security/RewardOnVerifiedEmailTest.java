package org.openreferral.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;

/**
 * The default lifecycle end to end: a referral waits, PENDING and unrewarded, until the referee confirms the link
 * that a real SMTP server (GreenMail) received; then it is REWARDED and the referrer's balance is credited, exactly
 * up to the lifetime cap however many referees confirm at once.
 */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class RewardOnVerifiedEmailTest extends SecurityTestBase {

    @Test
    void aReferralIsRewardedWhenTheRefereeConfirmsTheMailedLink() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String bob = Api.unique("bob");
        Api.registerAndLogin(bob, bob + "@example.org", code);

        referralsOf(alice).body("items[0].referee.username", equalTo(bob))
                .body("items[0].status", equalTo("PENDING")).body("items[0].points", equalTo(0))
                .body("items[0].rewardedAt", nullValue());
        statsOf(alice).body("rewardBalance", equalTo(0)).body("byStatus.PENDING", equalTo(1));

        String token = Mailbox.awaitToken(bob + "@example.org", EmailVerificationTest.SUBJECT, 1,
                EmailVerificationTest.LINK);
        EmailVerificationTest.confirm(token).statusCode(204);

        referralsOf(alice).body("items[0].status", equalTo("REWARDED")).body("items[0].points", equalTo(10))
                .body("items[0].qualifiedAt", notNullValue()).body("items[0].rewardedAt", notNullValue());
        statsOf(alice).body("rewardBalance", equalTo(10)).body("byStatus.REWARDED", equalTo(1))
                .body("byStatus.PENDING", equalTo(0));
        alice.as().get("/api/v1/users/me/rewards").then().statusCode(200).body("balance", equalTo(10))
                .body("entries.items[0].points", equalTo(10));
    }

    @Test
    void theReferrersOwnConfirmationRewardsNothing() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        String bob = Api.unique("bob");
        Api.registerAndLogin(bob, bob + "@example.org", code);

        String token = Mailbox.awaitToken(alice.email(), EmailVerificationTest.SUBJECT, 1, EmailVerificationTest.LINK);
        EmailVerificationTest.confirm(token).statusCode(204);

        referralsOf(alice).body("items[0].status", equalTo("PENDING"));
        statsOf(alice).body("rewardBalance", equalTo(0));
    }

    @Test
    void fiftyRefereesConfirmingAtOnceEarnExactlyTheLifetimeCap() throws Exception {
        int referees = 50;
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < referees; i++) {
            beAClientOfOurOwn(); // one client each: the profile's registration budget is per client
            String referee = Api.unique("ref");
            Api.register(withCode(referee, code)).statusCode(201);
            emails.add(referee + "@example.org");
        }
        List<String> tokens = emails.stream()
                .map(email -> Mailbox.awaitToken(email, EmailVerificationTest.SUBJECT, 1, EmailVerificationTest.LINK))
                .toList();

        List<Integer> statuses = Concurrently.run(referees,
                i -> EmailVerificationTest.confirm(tokens.get(i)).extract().statusCode());

        assertThat(statuses).containsOnly(204);
        int cap = AccountSecurityProfile.LIFETIME_CAP;
        List<Map<String, Object>> referrals = alice.as().queryParam("size", 100).get("/api/v1/users/me/referrals")
                .then().statusCode(200).extract().path("items");
        assertThat(referrals).allSatisfy(referral -> assertThat(referral.get("status")).isEqualTo("REWARDED"));
        assertThat(referrals).filteredOn(referral -> Integer.valueOf(10).equals(referral.get("points"))).hasSize(cap);
        assertThat(referrals).filteredOn(referral -> "cap-reached".equals(referral.get("statusReason")))
                .hasSize(referees - cap);
        statsOf(alice).body("rewardBalance", equalTo(10 * cap)).body("byStatus.REWARDED", equalTo(referees));
    }

    private static Map<String, Object> withCode(String username, String code) {
        Map<String, Object> body = new HashMap<>(Api.registration(username, username + "@example.org"));
        body.put("referralCode", code);
        return body;
    }

    private static ValidatableResponse referralsOf(TestUser user) {
        return user.as().get("/api/v1/users/me/referrals").then().statusCode(200);
    }

    private static ValidatableResponse statsOf(TestUser user) {
        return user.as().get("/api/v1/users/me/referral-stats").then().statusCode(200);
    }
}
