package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RewardPolicyTest {

    @Test
    void byDefaultOnlyTheReferrerEarnsTenPoints() {
        assertThat(RewardPolicy.defaults()).isEqualTo(new RewardPolicy(10, 0));
    }

    @Test
    void negativePointsAreRefused() {
        assertThatThrownBy(() -> new RewardPolicy(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RewardPolicy(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
