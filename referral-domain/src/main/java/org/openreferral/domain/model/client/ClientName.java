package org.openreferral.domain.model.client;

import org.openreferral.domain.error.InvalidValueException;

/** What an admin calls a machine client: 1 to 100 characters, not blank. */
public record ClientName(String value) {

    public static final int MAX_LENGTH = 100;

    public ClientName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("client name", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("client name", "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
