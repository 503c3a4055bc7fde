package org.openreferral.domain.model.user;

import org.openreferral.domain.error.InvalidValueException;

/**
 * A password as typed at login, to be compared with a stored hash: not empty and at most {@value #MAX_LENGTH}
 * characters, but not held to the {@link PasswordPolicy}, which only new passwords must meet. Never shows in a log.
 */
public record PresentedPassword(String value) {

    public static final int MAX_LENGTH = 256;
    private static final String SUBJECT = "password";

    public PresentedPassword {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(SUBJECT, "must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be at most " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "PresentedPassword[redacted]";
    }
}
