package org.openreferral.adapter.rest.referral.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/referrals/{id}/void}: why the referral is cancelled. */
public record VoidReferralRequest(@NotNull @Size(min = 1, max = 200) String reason) {
}
