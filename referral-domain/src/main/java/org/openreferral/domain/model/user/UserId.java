package org.openreferral.domain.model.user;

import java.util.Objects;
import java.util.UUID;

/** Identity of a user. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
