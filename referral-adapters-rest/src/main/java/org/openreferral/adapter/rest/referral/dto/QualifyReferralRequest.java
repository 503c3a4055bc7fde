package org.openreferral.adapter.rest.referral.dto;

import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/referrals/{id}/qualify}: the host's reference for the qualifying event, if any. */
public record QualifyReferralRequest(@Size(max = 200) String externalId) {
}
