package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openreferral.application.fakes.Fixture;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.GetRewardsQuery;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardsView;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.User;

class GetRewardsServiceTest {

    private final Fixture fx = new Fixture();
    private final User john = fx.user("john", "john@example.com");
    private final GetRewardsService service = new GetRewardsService(fx.ledger, fx.unitOfWork);

    @Test
    void showsTheBalanceAndTheEntriesNewestFirst() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));
        fx.referee(code, "jane", "jane@example.com");
        fx.clock.advance(Duration.ofHours(1));
        fx.referee(code, "joe", "joe@example.com");
        Referral latest = fx.referrals.stored().get(1);

        RewardsView rewards = service.get(new GetRewardsQuery(Fixture.callerOf(john), PageRequest.first()));

        assertThat(rewards.balance()).isEqualTo(20);
        assertThat(rewards.entries().total()).isEqualTo(2);
        assertThat(rewards.entries().items()).extracting(RewardEntryView::createdAt)
                .containsExactly(Fixture.START.plus(Duration.ofHours(1)), Fixture.START);
        RewardEntryView newest = rewards.entries().items().get(0);
        assertThat(newest.points()).isEqualTo(10);
        assertThat(newest.reason()).isEqualTo("REFERRAL_REFERRER");
        assertThat(newest.referralId()).isEqualTo(latest.id().value());
    }

    @Test
    void balanceCoversAllEntriesWhileOnlyOnePageIsShown() {
        ReferralCode code = fx.code(john, "Summer-2026", Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            fx.referee(code, "user" + i, "user" + i + "@example.com");
            fx.clock.advance(Duration.ofMinutes(1));
        }

        RewardsView rewards = service.get(new GetRewardsQuery(Fixture.callerOf(john), new PageRequest(2, 2)));

        assertThat(rewards.balance()).isEqualTo(30);
        assertThat(rewards.entries().items()).hasSize(1);
        assertThat(rewards.entries().items().get(0).createdAt()).isEqualTo(Fixture.START);
        assertThat(rewards.entries().pages()).isEqualTo(2);
    }

    @Test
    void refereeWithoutPointsHasAnEmptyLedger() {
        User jane = fx.referee(fx.code(john, "Summer-2026", Duration.ofDays(30)), "jane", "jane@example.com");

        RewardsView rewards = service.get(new GetRewardsQuery(Fixture.callerOf(jane), PageRequest.first()));

        assertThat(rewards.balance()).isZero();
        assertThat(rewards.entries().items()).isEmpty();
    }
}
