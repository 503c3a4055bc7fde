package org.openreferral.domain.model.user;

import java.util.Locale;
import org.openreferral.domain.error.InvalidValueException;

/**
 * What a person types to log in: their username or their email address, up to {@value #MAX_LENGTH} characters and
 * stripped of surrounding blanks. Deliberately held to neither's rules, so that an odd login is refused exactly
 * like an unknown one.
 */
public record LoginName(String value) {

    public static final int MAX_LENGTH = 256;
    private static final String SUBJECT = "login name";

    public LoginName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(SUBJECT, "must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException(SUBJECT, "must be at most " + MAX_LENGTH + " characters");
        }
        value = value.strip();
    }

    /** The spelling-independent form: one account, however its login is typed. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "LoginName[redacted]";
    }
}
