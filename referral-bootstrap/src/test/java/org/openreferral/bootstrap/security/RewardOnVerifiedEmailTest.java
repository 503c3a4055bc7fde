package org.openreferral.bootstrap.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;

/**
 * The default lifecycle end to end: a referral waits, PENDING and unrewarded, until the referee confirms the link
 * that a real SMTP server (GreenMail) received; then it is REWARDED and the referrer's balance is credited.
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

    private static ValidatableResponse referralsOf(TestUser user) {
        return user.as().get("/api/v1/users/me/referrals").then().statusCode(200);
    }

    private static ValidatableResponse statsOf(TestUser user) {
        return user.as().get("/api/v1/users/me/referral-stats").then().statusCode(200);
    }
}
