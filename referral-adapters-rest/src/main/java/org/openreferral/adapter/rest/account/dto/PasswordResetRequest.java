package org.openreferral.adapter.rest.account.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/password-reset}. */
public record PasswordResetRequest(@NotNull @Size(max = 254) String email) {

    @Override
    public String toString() {
        return "PasswordResetRequest[email=redacted]";
    }
}
