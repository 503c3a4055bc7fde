package org.openreferral.adapter.rest.account.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/email-verification/confirm}. */
public record EmailVerificationConfirmation(@NotNull @Size(max = 256) String token) {

    @Override
    public String toString() {
        return "EmailVerificationConfirmation[redacted]";
    }
}
