package org.openreferral.application.account.port.in;

/** Use case: exchange a refresh token for a new access token and a new refresh token (rotation). */
public interface RefreshAccessTokenUseCase {

    IssuedTokens refresh(RefreshAccessTokenCommand command);

    /** The refresh token as presented. */
    record RefreshAccessTokenCommand(String refreshToken) {

        @Override
        public String toString() {
            return "RefreshAccessTokenCommand[refreshToken=redacted]";
        }
    }
}
