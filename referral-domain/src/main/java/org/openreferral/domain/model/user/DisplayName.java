package org.openreferral.domain.model.user;

import org.openreferral.domain.error.InvalidValueException;

/** The optional full name a user shows: 1 to 100 characters, no control characters. */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;
    private static final String SUBJECT = "display name";

    public DisplayName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "must not be blank when given");
        }
        value = value.strip();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(SUBJECT, "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
