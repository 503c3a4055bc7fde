package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;

/** A single-use token sent in a request body is unknown, already used or expired; nothing says which. */
public final class InvalidTokenException extends ReferralException {

    public InvalidTokenException(String code, String message) {
        super(code, message);
    }

    /** A password reset token that cannot be used (any reason). */
    public static InvalidTokenException resetToken() {
        return new InvalidTokenException("invalid-reset-token",
                "The password reset link is invalid, has already been used or has expired; ask for a new one.");
    }

    /** An email verification token that cannot be used (any reason). */
    public static InvalidTokenException verificationToken() {
        return new InvalidTokenException("invalid-verification-token",
                "The email verification link is invalid, has already been used or has expired; ask for a new one.");
    }
}
