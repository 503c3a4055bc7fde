package org.openreferral.adapter.rest.referral.dto;

import java.time.Instant;
import java.util.UUID;
import org.openreferral.adapter.rest.shared.KeysetPageResponse;

/** The caller's reward balance and a page (or, by cursor, a run) of the ledger. */
public record RewardsResponse(long balance, KeysetPageResponse<RewardEntryResponse> entries) {

    /** One ledger entry. */
    public record RewardEntryResponse(UUID id, int points, String reason, UUID referralId, Instant createdAt) {
    }
}
