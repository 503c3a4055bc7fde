package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;

/** Credentials or a token were not accepted; deliberately says nothing about which part was wrong. */
public final class AuthenticationFailedException extends ReferralException {

    public AuthenticationFailedException(String code, String message) {
        super(code, message);
    }

    public static AuthenticationFailedException invalidCredentials() {
        return new AuthenticationFailedException("invalid-credentials", "The username or password is incorrect.");
    }

    /** A refresh token that is unknown, expired, revoked or replayed: one answer for every reason. */
    public static AuthenticationFailedException invalidGrant() {
        return new AuthenticationFailedException("invalid-grant",
                "The refresh token is invalid, expired or revoked; log in again.");
    }

    /** A correctly signed access token that no longer counts: logged out, or its account is gone. */
    public static AuthenticationFailedException tokenRevoked() {
        return new AuthenticationFailedException("token-revoked", "The access token has been revoked; log in again.");
    }
}
