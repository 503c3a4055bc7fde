package org.openreferral.adapter.rest.referral.dto;

import java.time.Instant;
import java.util.UUID;

/** A referral code as its owner sees it, with the share link that opens the page behind it. */
public record CodeResponse(UUID id, String code, String status, Instant createdAt, Instant expiresAt,
                           Instant revokedAt, long referrals, String shareLink) {
}
