package org.openreferral.adapter.rest.account.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user resource. */
public record UserResponse(UUID id, String username, String name, String email, boolean emailVerified,
                           Instant createdAt, UserRefResponse referredBy, List<String> roles) {

    /** Who referred a user. */
    public record UserRefResponse(UUID id, String username) {
    }
}
