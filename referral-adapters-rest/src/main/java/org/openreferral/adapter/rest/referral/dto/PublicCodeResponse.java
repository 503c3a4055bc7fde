package org.openreferral.adapter.rest.referral.dto;

import java.time.Instant;

/** The public lookup answer: the code and its expiry, nothing about the referrer. */
public record PublicCodeResponse(String code, Instant expiresAt) {
}
