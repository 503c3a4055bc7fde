package org.openreferral.application.account.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it. */
public record UserView(UUID id, String username, String name, String email, boolean emailVerified,
                       Instant createdAt, UserRef referredBy, List<String> roles) {

    /** Who referred a user. */
    public record UserRef(UUID id, String username) {
    }
}
