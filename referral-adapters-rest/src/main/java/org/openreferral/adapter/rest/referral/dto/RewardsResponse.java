package org.openreferral.adapter.rest.referral.dto;

import java.time.Instant;
import java.util.UUID;
import org.openreferral.adapter.rest.shared.PageResponse;

/** The caller's reward balance and a page of the ledger. */
public record RewardsResponse(long balance, PageResponse<RewardEntryResponse> entries) {

    /** One ledger entry. */
    public record RewardEntryResponse(UUID id, int points, String reason, UUID referralId, Instant createdAt) {
    }
}
