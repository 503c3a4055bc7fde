package org.openreferral.domain.error;

/** A value broke a syntactic rule (length, charset, format): the request itself is wrong. */
public final class InvalidValueException extends ReferralException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super("validation-failed", message);
        this.field = field;
    }

    /** The request field that holds the bad value. */
    public String field() {
        return field;
    }
}
