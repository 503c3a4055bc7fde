package org.openreferral.adapter.rest.shared;

import org.openreferral.domain.error.ReferralException;

/** A request field whose value is not acceptable (400 {@code validation-failed}), named as the client sent it. */
public final class InvalidFieldException extends ReferralException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super("validation-failed", message);
        this.field = field;
    }

    /** The name of the field in the request: a JSON property, form field, query or path parameter. */
    public String field() {
        return field;
    }
}
