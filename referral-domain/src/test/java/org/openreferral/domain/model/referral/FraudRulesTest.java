package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class FraudRulesTest {

    private final FraudRules rules = FraudRules.defaults();

    @Test
    void theReferralThatMakesItMoreThanTheMaximumFromOneNetworkIsFlagged() {
        assertThat(rules.brokenBy(OptionalLong.of(4), false)).isEmpty();
        assertThat(rules.brokenBy(OptionalLong.of(5), false)).contains(FraudRules.SAME_NETWORK);
    }

    @Test
    void anUnknownNetworkBreaksNoNetworkRule() {
        assertThat(new FraudRules(0, rules.sameNetworkWindow(), false).brokenBy(OptionalLong.empty(), false)).isEmpty();
    }

    @Test
    void anUnverifiableEmailIsFlaggedUnlessSwitchedOff() {
        assertThat(rules.brokenBy(OptionalLong.of(0), true)).contains(FraudRules.EMAIL_UNVERIFIABLE);
        assertThat(new FraudRules(5, rules.sameNetworkWindow(), false).brokenBy(OptionalLong.of(0), true)).isEmpty();
    }
}
