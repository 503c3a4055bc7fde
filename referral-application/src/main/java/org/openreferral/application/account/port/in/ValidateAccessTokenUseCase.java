package org.openreferral.application.account.port.in;

import java.util.UUID;

/**
 * Use case: decide whether a correctly signed, unexpired access token still counts: it was not revoked
 * (logout) and its subject still exists. Runs on every authenticated request.
 */
public interface ValidateAccessTokenUseCase {

    /** Throws {@code AuthenticationFailedException} {@code token-revoked} when the token no longer counts. */
    void validate(ValidateAccessTokenCommand command);

    /** What the verified token says: its subject (a user id, or a client id when {@code client}), its id and
     * its session ({@code null} if none). */
    record ValidateAccessTokenCommand(UUID subject, String tokenId, UUID sessionId, boolean client) {

        /** A person's token. */
        public ValidateAccessTokenCommand(UUID subject, String tokenId, UUID sessionId) {
            this(subject, tokenId, sessionId, false);
        }
    }
}
