package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.model.user.UserId;

class RewardPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final Referral referral = new Referral(ReferralId.newId(), UserId.newId(), UserId.newId(),
            ReferralCodeId.newId(), NOW);

    @Test
    void byDefaultOnlyTheReferrerEarnsTenPoints() {
        RewardPolicy policy = RewardPolicy.defaults();

        List<RewardEntry> entries = policy.rewardsFor(referral);

        assertThat(policy).isEqualTo(new RewardPolicy(10, 0));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.user()).isEqualTo(referral.referrer());
            assertThat(entry.points()).isEqualTo(10);
            assertThat(entry.reason()).isEqualTo(RewardReason.REFERRAL_REFERRER);
            assertThat(entry.referral()).isEqualTo(referral.id());
            assertThat(entry.createdAt()).isEqualTo(NOW);
        });
    }

    @Test
    void bothPartiesEarnWhenBothHavePoints() {
        List<RewardEntry> entries = new RewardPolicy(10, 5).rewardsFor(referral);

        assertThat(entries).hasSize(2);
        assertThat(entries).filteredOn(e -> e.reason() == RewardReason.REFERRAL_REFERRER).singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo(referral.referrer());
                    assertThat(e.points()).isEqualTo(10);
                });
        assertThat(entries).filteredOn(e -> e.reason() == RewardReason.REFERRAL_REFEREE).singleElement()
                .satisfies(e -> {
                    assertThat(e.user()).isEqualTo(referral.referee());
                    assertThat(e.points()).isEqualTo(5);
                });
        assertThat(entries).extracting(RewardEntry::id).doesNotHaveDuplicates();
    }

    @Test
    void zeroPointsMeansNoEntry() {
        assertThat(new RewardPolicy(0, 5).rewardsFor(referral)).singleElement()
                .satisfies(e -> assertThat(e.user()).isEqualTo(referral.referee()));
        assertThat(new RewardPolicy(0, 0).rewardsFor(referral)).isEmpty();
    }

    @Test
    void negativePointsAreRefused() {
        assertThatThrownBy(() -> new RewardPolicy(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardPolicy(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
