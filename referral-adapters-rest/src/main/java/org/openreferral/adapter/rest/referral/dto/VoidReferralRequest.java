package org.openreferral.adapter.rest.referral.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openreferral.adapter.rest.shared.MultiLineText;

/** Body of {@code POST /api/v1/referrals/{id}/void}: why the referral is cancelled (multi-line text). */
public record VoidReferralRequest(@NotNull @MultiLineText @Size(min = 1, max = 200) String reason) {
}
