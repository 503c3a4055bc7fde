package org.openreferral.domain.model.user;

/**
 * A new password in plain text, one that the {@link PasswordPolicy} accepts; it is hashed and dropped, and never
 * shows in a log.
 */
public record Password(String value) {

    public Password {
        PasswordPolicy.standard().check(value);
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
