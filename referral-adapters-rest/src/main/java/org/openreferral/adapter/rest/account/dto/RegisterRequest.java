package org.openreferral.adapter.rest.account.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/register}. */
public record RegisterRequest(
        @NotNull @Size(max = 32) String username,
        @NotNull @Size(max = 254) String email,
        @NotNull @Size(max = 256) String password,
        @Size(max = 100) String name,
        @Size(max = 32) String referralCode) {

    @Override
    public String toString() {
        return "RegisterRequest[username=" + username + ", password=redacted]";
    }
}
