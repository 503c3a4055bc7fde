package org.openreferral.domain.error;

/** The request collides with existing state (taken email, a second active code). */
public final class ConflictException extends ReferralException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
