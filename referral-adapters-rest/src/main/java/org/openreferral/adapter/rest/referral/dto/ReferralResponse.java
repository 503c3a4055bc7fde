package org.openreferral.adapter.rest.referral.dto;

import java.time.Instant;
import java.util.UUID;

/** A referral: who registered, with which code, when, and where it stands in its lifecycle. */
public record ReferralResponse(UUID id, RefereeResponse referee, String code, Instant createdAt, String status,
                               String statusReason, int points, Instant qualifiedAt, Instant rewardedAt,
                               Instant voidedAt) {

    /** The referee; the email is masked unless an admin asks. */
    public record RefereeResponse(UUID id, String username, String email) {
    }
}
