package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.UUID;

/** A referral code as its owner sees it; {@code status} is as of the moment of reading. */
public record CodeView(UUID id, String code, String status, Instant createdAt, Instant expiresAt, Instant revokedAt,
                       long referrals) {
}
