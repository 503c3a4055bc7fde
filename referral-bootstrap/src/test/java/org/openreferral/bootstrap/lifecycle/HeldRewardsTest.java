package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase.ReleaseHeldRewardsCommand;
import org.openreferral.bootstrap.lifecycle.Lifecycle.Referrer;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Held rewards end to end, with the service's clock moved by the test and the release use case (which the
 * scheduler calls in production) driven directly; caps per period; the fraud rules and the admin's review.
 */
@QuarkusTest
@TestProfile(HeldRewardsProfile.class)
class HeldRewardsTest {

    private static final Duration HOLD = Duration.parse(HeldRewardsProfile.HOLD);

    @Inject
    Database database;
    @Inject
    ReleaseHeldRewardsUseCase release;
    @Inject
    DirectRegistrations direct;

    private String admin;

    @BeforeEach
    void logInTheAdmin() {
        admin = Lifecycle.adminToken();
    }

    @AfterEach
    void resetClock() {
        TestClockProducer.CLOCK.reset();
    }

    private int releaseDue() {
        return release.release(new ReleaseHeldRewardsCommand(5)).count();
    }

    private String status(String referralId) {
        return database.text("select status from referrals where id = ?::uuid", referralId);
    }

    private long credits(String referralId) {
        return database.number("select count(*) from reward_entries where referral_id = ?::uuid and points > 0",
                referralId);
    }

    @Test
    void aHeldRewardIsReleasedOnceItsHoldIsOverAndOnlyOnce() {
        Referrer alice = Lifecycle.referrer();
        String id = Lifecycle.referee(alice, database);
        Lifecycle.referral(admin, id).statusCode(200).body("status", equalTo("QUALIFIED"))
                .body("qualifiedAt", notNullValue()).body("rewardedAt", nullValue());

        releaseDue();
        assertThat(status(id)).isEqualTo("QUALIFIED");
        assertThat(Lifecycle.balance(alice.user())).isZero();

        TestClockProducer.CLOCK.advance(HOLD);
        releaseDue();
        releaseDue();

        assertThat(status(id)).isEqualTo("REWARDED");
        assertThat(credits(id)).isOne();
        TestClockProducer.CLOCK.reset();
        assertThat(Lifecycle.balance(alice.user())).isEqualTo(10);
    }

    @Test
    void twoThreadsReleasingTheSameHeldRewardsCreditEachOnce() throws Exception {
        List<Referrer> referrers = IntStream.range(0, 10).mapToObj(i -> Lifecycle.referrer()).toList();
        List<String> ids = referrers.stream()
                .flatMap(referrer -> IntStream.range(0, HeldRewardsProfile.PERIOD_CAP)
                        .mapToObj(i -> Lifecycle.referee(referrer, database)))
                .toList();
        TestClockProducer.CLOCK.advance(HOLD);

        List<Integer> released = Concurrently.run(2, i -> releaseDue());

        assertThat(released.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(ids.size());
        assertThat(ids).allSatisfy(id -> {
            assertThat(status(id)).isEqualTo("REWARDED");
            assertThat(credits(id)).isOne();
        });
        assertThat(referrers).allSatisfy(referrer -> assertThat(Lifecycle.ledgerAndRewardedPoints(database,
                referrer.user())).containsExactly(20, 20));
    }

    @Test
    void thePeriodCapCutsAtItsEdgeAndRollsOn() {
        Referrer alice = Lifecycle.referrer(Duration.ofDays(90));
        List<String> ids = IntStream.rangeClosed(0, HeldRewardsProfile.PERIOD_CAP)
                .mapToObj(i -> Lifecycle.referee(alice, database)).toList();
        TestClockProducer.CLOCK.advance(HOLD);
        releaseDue();

        assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("REWARDED"));
        assertThat(ids.stream().filter(id -> credits(id) == 1)).hasSize(HeldRewardsProfile.PERIOD_CAP);
        assertThat(database.number("select count(*) from referrals where referrer_id = ?::uuid"
                + " and status_reason = 'cap-reached' and points = 0", alice.user().id())).isOne();

        TestClockProducer.CLOCK.advance(Duration.ofDays(30));
        String later = Lifecycle.referee(alice, database);
        TestClockProducer.CLOCK.advance(HOLD);
        releaseDue();

        assertThat(credits(later)).isOne();
        assertThat(Lifecycle.ledgerAndRewardedPoints(database, alice.user())).containsExactly(30, 30);
    }

    @Test
    void theReferralBeyondTheMaximumFromOneNetworkIsFlaggedAndAnApprovalMovesItOn() {
        Referrer alice = Lifecycle.referrer();
        for (String address : List.of("10.1.2.3", "10.1.2.77", "10.1.2.200")) {
            direct.register(alice.code(), address, false);
        }
        String flagged = referralOf(direct.register(alice.code(), "10.1.2.9", false));
        String otherNetwork = referralOf(direct.register(alice.code(), "10.1.3.1", false));

        Lifecycle.referral(admin, flagged).statusCode(200).body("status", equalTo("FLAGGED"))
                .body("statusReason", equalTo("same-network"));
        assertThat(status(otherNetwork)).isEqualTo("QUALIFIED");
        given().auth().oauth2(admin).queryParam("status", "FLAGGED").queryParam("referrerId", alice.user().id())
                .get("/api/v1/referrals").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(flagged));
        assertThat(database.number("select count(*) from referrals where referrer_id = ?::uuid"
                + " and client_network is not null and client_network not like '10.%'", alice.user().id())).isEqualTo(5);

        Lifecycle.qualify(admin, flagged).statusCode(409).body("code", equalTo("referral-flagged"));
        Lifecycle.approve(admin, flagged).statusCode(200).body("status", equalTo("QUALIFIED"))
                .body("statusReason", nullValue());
        Lifecycle.approve(admin, flagged).statusCode(409).body("code", equalTo("referral-not-flagged"));
    }

    @Test
    void anEmailTheCheckCouldNotJudgeIsFlagged() {
        Referrer alice = Lifecycle.referrer();
        String id = referralOf(direct.register(alice.code(), "192.0.2.1", true));

        Lifecycle.referral(admin, id).statusCode(200).body("status", equalTo("FLAGGED"))
                .body("statusReason", equalTo("email-unverifiable"));
    }

    private String referralOf(String refereeId) {
        return database.text("select id::text from referrals where referee_id = ?::uuid", refereeId);
    }
}
