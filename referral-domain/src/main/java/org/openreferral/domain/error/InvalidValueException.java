package org.openreferral.domain.error;

import java.util.Objects;

/**
 * A value broke a rule of its kind (length, charset, format, range): the request itself is wrong. It says what is
 * invalid in the model's words, never as a request field: the adapter that built the value knows where it came from
 * and reports it under that name.
 */
public final class InvalidValueException extends ReferralException {

    private final String subject;

    public InvalidValueException(String subject, String message) {
        super("validation-failed", message);
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** What is invalid, in the model's words: {@code "email address"}, {@code "expiry"}. */
    public String subject() {
        return subject;
    }
}
