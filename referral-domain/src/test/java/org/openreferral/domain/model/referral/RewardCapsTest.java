package org.openreferral.domain.model.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RewardCapsTest {

    private static final RewardCaps THREE_A_MONTH_TEN_EVER =
            new RewardCaps(OptionalInt.of(3), Duration.ofDays(30), OptionalInt.of(10));

    @Test
    void withoutCapsNothingIsEverReached() {
        assertThat(RewardCaps.none().any()).isFalse();
        assertThat(RewardCaps.none().reached(1_000_000, 1_000_000)).isFalse();
    }

    @Test
    void thePeriodCapIsReachedAtItsCount() {
        assertThat(THREE_A_MONTH_TEN_EVER.reached(2, 2)).isFalse();
        assertThat(THREE_A_MONTH_TEN_EVER.reached(3, 3)).isTrue();
    }

    @Test
    void theLifetimeCapIsReachedAtItsCountWhateverThePeriod() {
        assertThat(THREE_A_MONTH_TEN_EVER.reached(0, 9)).isFalse();
        assertThat(THREE_A_MONTH_TEN_EVER.reached(0, 10)).isTrue();
    }

    @Test
    void thePeriodRollsBackFromNow() {
        Instant now = Instant.parse("2026-03-31T10:00:00Z");
        assertThat(THREE_A_MONTH_TEN_EVER.periodStart(now)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }
}
