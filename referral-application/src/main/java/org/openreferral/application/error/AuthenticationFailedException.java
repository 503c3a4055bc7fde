package org.openreferral.application.error;

import org.openreferral.domain.error.ReferralException;

/** Credentials or a token were not accepted; deliberately says nothing about which part was wrong. */
public final class AuthenticationFailedException extends ReferralException {

    public AuthenticationFailedException(String code, String message) {
        super(code, message);
    }

    public static AuthenticationFailedException invalidCredentials() {
        return new AuthenticationFailedException("invalid-credentials", "The username or password is incorrect.");
    }
}
