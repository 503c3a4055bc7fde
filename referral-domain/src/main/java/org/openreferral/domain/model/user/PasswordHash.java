package org.openreferral.domain.model.user;

import java.util.Objects;

/** A slow salted password hash in PHC string format; never the password itself. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
