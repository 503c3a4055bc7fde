package org.openreferral.domain.model.client;

import java.util.Objects;
import java.util.UUID;

/** Identity of a machine client; it is also the {@code client_id} of the client credentials grant. */
public record ClientId(UUID value) {

    public ClientId {
        Objects.requireNonNull(value, "value");
    }

    public static ClientId newId() {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
