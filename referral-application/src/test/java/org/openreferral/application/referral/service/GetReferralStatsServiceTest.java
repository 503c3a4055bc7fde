package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.CodeCount;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.GetReferralStatsQuery;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.ReferralStatsView;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class GetReferralStatsServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final GetReferralStatsService service = new GetReferralStatsService(fx.codes, fx.referrals, fx.ledger,
            fx.unitOfWork, fx.clock);

    private ReferralStatsView stats(User user) {
        return service.get(new GetReferralStatsQuery(Fixture.callerOf(user)));
    }

    @Test
    void countsAllTimeAndTheLastSevenAndThirtyDays() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(90));
        fx.referee(code, "r40", "r40@example.com");          // 40 days before "now"
        fx.clock.advance(Duration.ofDays(9));
        fx.referee(code, "r31", "r31@example.com");          // 31 days before
        fx.clock.advance(Duration.ofDays(2));
        fx.referee(code, "r29", "r29@example.com");          // 29 days before
        fx.clock.advance(Duration.ofDays(21));
        fx.referee(code, "ref8", "r8@example.com");            // 8 days before
        fx.clock.advance(Duration.ofDays(2));
        fx.referee(code, "ref6", "r6@example.com");            // 6 days before
        fx.clock.advance(Duration.ofDays(6));
        fx.referee(code, "ref0", "r0@example.com");            // just now

        ReferralStatsView stats = stats(john);

        assertThat(stats.totalReferrals()).isEqualTo(6);
        assertThat(stats.last7Days()).isEqualTo(2);
        assertThat(stats.last30Days()).isEqualTo(4);
    }

    @Test
    void windowsMoveWithTheClock() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(90));
        fx.referee(code, "jane", "jane@example.com");

        fx.clock.advance(Duration.ofDays(8));
        ReferralStatsView later = stats(john);
        fx.clock.advance(Duration.ofDays(30));
        ReferralStatsView muchLater = stats(john);

        assertThat(later.last7Days()).isZero();
        assertThat(later.last30Days()).isEqualTo(1);
        assertThat(muchLater.last30Days()).isZero();
        assertThat(muchLater.totalReferrals()).isEqualTo(1);
    }

    @Test
    void perCodeCountsIncludeCodesWithoutReferralsAndShowTheirStatusNow() {
        ReferralCode revoked = fx.revokedCode(john, "Revoked-1", Duration.ofDays(30));
        fx.referee(revoked, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofDays(1));
        ReferralCode expired = fx.code(john, "Expires-Soon", Duration.ofDays(1));
        fx.clock.advance(Duration.ofDays(2));
        ReferralCode active = fx.code(john, "Active-1", Duration.ofDays(30));
        fx.referee(active, "joe", "joe@example.com");
        fx.referee(active, "ann", "ann@example.com");

        ReferralStatsView stats = stats(john);

        assertThat(stats.byCode()).extracting(CodeCount::code, CodeCount::status, CodeCount::referrals)
                .containsExactlyInAnyOrder(
                        tuple("Revoked-1", "REVOKED", 1L),
                        tuple("Expires-Soon", "EXPIRED", 0L),
                        tuple("Active-1", "ACTIVE", 2L));
        assertThat(expired.expiresAt()).isBefore(fx.clock.instant());
    }

    @Test
    void codeStillStoredActiveReadsExpiredOncePastItsExpiry() {
        ReferralCode code = fx.code(john, "Expires-Soon", Duration.ofDays(1));
        fx.referee(code, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofDays(1));

        ReferralStatsView stats = stats(john);

        assertThat(stats.byCode()).extracting(CodeCount::code, CodeCount::status, CodeCount::referrals)
                .containsExactly(tuple("Expires-Soon", "EXPIRED", 1L));
        assertThat(stats.activeCode()).isNull();
    }

    @Test
    void revokedCodeStaysRevokedPastItsExpiry() {
        fx.revokedCode(john, "Revoked-1", Duration.ofDays(1));
        fx.clock.advance(Duration.ofDays(2));

        assertThat(stats(john).byCode()).extracting(CodeCount::code, CodeCount::status)
                .containsExactly(tuple("Revoked-1", "REVOKED"));
    }

    @Test
    void activeCodeIsShownWithItsReferrals() {
        ReferralCode active = fx.code(john, "Active-1", Duration.ofDays(30));
        fx.referee(active, "joe", "joe@example.com");

        ReferralStatsView stats = stats(john);

        assertThat(stats.activeCode()).isNotNull();
        assertThat(stats.activeCode().code()).isEqualTo("Active-1");
        assertThat(stats.activeCode().status()).isEqualTo("ACTIVE");
        assertThat(stats.activeCode().referrals()).isEqualTo(1);
    }

    @Test
    void noActiveCodeOnceItHasExpired() {
        fx.code(john, "Active-1", Duration.ofDays(1));
        fx.clock.advance(Duration.ofDays(1));

        assertThat(stats(john).activeCode()).isNull();
    }

    @Test
    void rewardBalanceIsTheSumOfTheLedger() {
        ReferralCode code = fx.code(john, "Active-1", Duration.ofDays(30));
        fx.referee(code, "joe", "joe@example.com");
        fx.referee(code, "ann", "ann@example.com");

        assertThat(stats(john).rewardBalance()).isEqualTo(20);
    }

    @Test
    void newUserHasEmptyStats() {
        ReferralStatsView stats = stats(john);

        assertThat(stats.totalReferrals()).isZero();
        assertThat(stats.last7Days()).isZero();
        assertThat(stats.last30Days()).isZero();
        assertThat(stats.activeCode()).isNull();
        assertThat(stats.byCode()).isEmpty();
        assertThat(stats.rewardBalance()).isZero();
    }

    @Test
    void statsAreTheCallersOwn() {
        User mallory = fx.user("mallory", "mallory@example.com");
        fx.referee(fx.code(mallory, "Mallory-1", Duration.ofDays(30)), "eve", "eve@example.com");

        ReferralStatsView stats = stats(john);

        assertThat(stats.totalReferrals()).isZero();
        assertThat(stats.byCode()).isEmpty();
        assertThat(stats.rewardBalance()).isZero();
    }

    @Test
    void referralsAreCountedPerStatusWithEveryStatusPresentAndTheBalanceIsWhatWasCredited() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(90));
        fx.referee(code, "rewarded", "rewarded@example.com");
        fx.pendingReferral(code, "pending", "pending@example.com");
        fx.change(fx.pendingReferral(code, "flagged", "flagged@example.com"), referral -> referral.flag("same-network"));

        ReferralStatsView stats = stats(john);

        assertThat(stats.byStatus()).containsExactly(entry("PENDING", 1L), entry("FLAGGED", 1L),
                entry("QUALIFIED", 0L), entry("REWARDED", 1L), entry("VOIDED", 0L));
        assertThat(stats.rewardBalance()).isEqualTo(10);
    }
}
