package org.openreferral.application.referral.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase.ReleaseHeldRewardsCommand;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralStatus;

class ReleaseHeldRewardsServiceTest extends LifecycleServices {

    private static final Duration HOLD = Duration.ofDays(14);

    private final RewardReferrals rewarding = rewarding(HOLD, OptionalInt.of(3));
    private final ReleaseHeldRewardsService service = new ReleaseHeldRewardsService(fx.referrals, rewarding,
            fx.unitOfWork, fx.clock);

    private Referral qualifiedNow() {
        return fx.change(pending(), referral -> referral.qualify(null, fx.clock.instant()));
    }

    private int release(int batchSize) {
        return service.release(new ReleaseHeldRewardsCommand(batchSize)).count();
    }

    @Test
    void aRewardIsReleasedWhenItsHoldIsOverNotBefore() {
        Referral referral = qualifiedNow();
        fx.clock.advance(HOLD.minusSeconds(1));

        assertThat(release(10)).isZero();
        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.QUALIFIED);

        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(release(10)).isOne();
        assertThat(stored(referral).status()).isEqualTo(ReferralStatus.REWARDED);
        assertThat(stored(referral).rewardedAt()).contains(fx.clock.instant());
        assertThat(balance(john)).isEqualTo(10);
        assertThat(release(10)).isZero();
    }

    @Test
    void dueRewardsAreReleasedInBatchesOfOneTransactionEachWithinTheCaps() {
        List<Referral> due = IntStream.range(0, 5).mapToObj(i -> qualifiedNow()).toList();
        fx.clock.advance(HOLD);

        assertThat(release(2)).isEqualTo(5);

        assertThat(due).allSatisfy(referral -> assertThat(stored(referral).status()).isEqualTo(ReferralStatus.REWARDED));
        assertThat(due.stream().filter(referral -> stored(referral).points() > 0)).hasSize(3);
        assertThat(balance(john)).isEqualTo(30);
        assertThat(fx.unitOfWork.commits()).isEqualTo(3);
    }

    @Test
    void aReleasedRewardIsAReferralRewardedEventOnce() {
        Referral referral = qualifiedNow();
        fx.clock.advance(HOLD);

        release(10);
        release(10);

        assertThat(onlyEvent(EventType.REFERRAL_REWARDED))
                .containsEntry("referralId", referral.id().value().toString())
                .containsEntry("status", "REWARDED")
                .containsEntry("points", 10);
    }
}
