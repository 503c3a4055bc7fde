package org.openreferral.domain.model.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How many referrals may earn their referrer points: at most {@code perPeriod} within any rolling {@code period}
 * and {@code lifetime} in all; an empty limit is no limit. A referral past a cap is rewarded with no referrer credit.
 */
public record RewardCaps(OptionalInt perPeriod, Duration period, OptionalInt lifetime) {

    public RewardCaps {
        Objects.requireNonNull(perPeriod, "perPeriod");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(lifetime, "lifetime");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the cap period must be positive");
        }
        if (perPeriod.orElse(0) < 0 || lifetime.orElse(0) < 0) {
            throw new IllegalArgumentException("caps must not be negative");
        }
    }

    /** No caps at all. */
    public static RewardCaps none() {
        return new RewardCaps(OptionalInt.empty(), Duration.ofDays(30), OptionalInt.empty());
    }

    /** Whether caps apply at all; without them nobody needs to count or lock. */
    public boolean any() {
        return perPeriod.isPresent() || lifetime.isPresent();
    }

    /** Where the rolling period that ends at {@code now} starts. */
    public Instant periodStart(Instant now) {
        return now.minus(period);
    }

    /**
     * Whether one more credited referral would exceed a cap, given how many of the referrer's referrals were
     * credited within the period ending now and ever.
     */
    public boolean reached(long creditedInPeriod, long creditedEver) {
        return perPeriod.isPresent() && creditedInPeriod >= perPeriod.getAsInt()
                || lifetime.isPresent() && creditedEver >= lifetime.getAsInt();
    }
}
