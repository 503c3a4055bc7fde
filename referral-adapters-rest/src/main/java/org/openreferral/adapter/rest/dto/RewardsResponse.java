package org.openreferral.adapter.rest.dto;

import java.time.Instant;
import java.util.UUID;

/** The caller's reward balance and a page of the ledger. */
public record RewardsResponse(long balance, PageResponse<RewardEntryResponse> entries) {

    /** One ledger entry. */
    public record RewardEntryResponse(UUID id, int points, String reason, UUID referralId, Instant createdAt) {
    }
}
