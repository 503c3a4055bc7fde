package org.openreferral.domain.model.session;

import java.util.Objects;
import java.util.UUID;

/** Identity of a login session: the family of refresh tokens that one password login starts. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId newId() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
