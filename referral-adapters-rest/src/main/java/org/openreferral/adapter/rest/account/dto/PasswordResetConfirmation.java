package org.openreferral.adapter.rest.account.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/password-reset/confirm}. */
public record PasswordResetConfirmation(@NotNull @Size(max = 256) String token,
                                        @NotNull @Size(max = 256) String newPassword) {

    @Override
    public String toString() {
        return "PasswordResetConfirmation[redacted]";
    }
}
