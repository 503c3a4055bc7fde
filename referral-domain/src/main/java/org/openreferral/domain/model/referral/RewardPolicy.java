package org.openreferral.domain.model.referral;

/** How many points a referral earns its referrer and its referee. */
public record RewardPolicy(int referrerPoints, int refereePoints) {

    public RewardPolicy {
        if (referrerPoints < 0 || refereePoints < 0) {
            throw new IllegalArgumentException("reward points must not be negative");
        }
    }

    public static RewardPolicy defaults() {
        return new RewardPolicy(10, 0);
    }
}
