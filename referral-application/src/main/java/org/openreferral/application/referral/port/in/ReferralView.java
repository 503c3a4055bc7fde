package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.UUID;

/**
 * One referral as its referrer or an admin sees it, with where it stands in its lifecycle; the referee's email
 * is masked unless an admin asks.
 */
public record ReferralView(UUID id, Referee referee, String code, Instant createdAt, String status,
                           String statusReason, int points, Instant qualifiedAt, Instant rewardedAt,
                           Instant voidedAt) {

    /** The person who registered. */
    public record Referee(UUID id, String username, String email) {
    }
}
