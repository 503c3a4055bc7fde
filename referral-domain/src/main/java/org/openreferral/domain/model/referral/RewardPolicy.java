package org.openreferral.domain.model.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    /** The ledger entries one referral earns; a party whose reward is zero gets no entry. */
    public List<RewardEntry> rewardsFor(Referral referral) {
        List<RewardEntry> entries = new ArrayList<>(2);
        if (referrerPoints > 0) {
            entries.add(new RewardEntry(UUID.randomUUID(), referral.referrer(), referrerPoints,
                    RewardReason.REFERRAL_REFERRER, referral.id(), referral.createdAt()));
        }
        if (refereePoints > 0) {
            entries.add(new RewardEntry(UUID.randomUUID(), referral.referee(), refereePoints,
                    RewardReason.REFERRAL_REFEREE, referral.id(), referral.createdAt()));
        }
        return List.copyOf(entries);
    }
}
