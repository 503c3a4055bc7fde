package org.openreferral.adapter.rest.referral.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/referral-codes}; {@code expiresAt} may carry an offset or none (UTC). */
public record CreateCodeRequest(@NotNull @Size(max = 40) String expiresAt, @Size(max = 32) String code) {
}
