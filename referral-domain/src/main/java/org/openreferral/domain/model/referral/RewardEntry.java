package org.openreferral.domain.model.referral;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.openreferral.domain.model.user.UserId;

/** One append-only line of a user's reward ledger; the balance is the sum of the points. */
public record RewardEntry(UUID id, UserId user, int points, RewardReason reason, ReferralId referral,
                          Instant createdAt) {

    public RewardEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
