package org.openreferral.domain.error;

/** Base of every error the service reports to a client: unchecked, with a stable kebab-case code. */
public abstract class ReferralException extends RuntimeException {

    private final String code;

    protected ReferralException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The stable slug that clients can switch on, e.g. {@code email-taken}. */
    public String code() {
        return code;
    }
}
