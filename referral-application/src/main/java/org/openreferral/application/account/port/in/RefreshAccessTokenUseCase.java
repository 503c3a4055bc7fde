package org.openreferral.application.account.port.in;

import org.openreferral.application.shared.error.AuthenticationFailedException;

/** Use case: exchange a refresh token for a new access token and a new refresh token (rotation). */
public interface RefreshAccessTokenUseCase {

    IssuedTokens refresh(RefreshAccessTokenCommand command);

    /**
     * The refresh token as presented. One that cannot be a refresh token at all (blank, longer than any we issue) is
     * refused with the same {@code invalid-grant} as an unknown one.
     */
    record RefreshAccessTokenCommand(String refreshToken) {

        public static final int MAX_LENGTH = 256;

        public RefreshAccessTokenCommand {
            if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > MAX_LENGTH) {
                throw AuthenticationFailedException.invalidGrant();
            }
        }

        @Override
        public String toString() {
            return "RefreshAccessTokenCommand[refreshToken=redacted]";
        }
    }
}
