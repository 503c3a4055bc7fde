package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.UUID;

/** One referral as the referrer sees it; the referee's email is masked unless the caller is an admin. */
public record ReferralView(UUID id, Referee referee, String code, Instant createdAt) {

    /** The person who registered. */
    public record Referee(UUID id, String username, String email) {
    }
}
