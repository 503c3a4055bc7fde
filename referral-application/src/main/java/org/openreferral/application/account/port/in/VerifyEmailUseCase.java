package org.openreferral.application.account.port.in;

import org.openreferral.application.shared.error.InvalidTokenException;

/** Use case: confirm a user's email with the token from the mailed link; the token dies. */
public interface VerifyEmailUseCase {

    void verify(VerifyEmailCommand command);

    /**
     * The token from the mailed link. A token that cannot be one at all (blank, longer than any we issue) is refused
     * like an unknown one.
     */
    record VerifyEmailCommand(String token) {

        public static final int MAX_TOKEN_LENGTH = 256;

        public VerifyEmailCommand {
            if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
                throw InvalidTokenException.verificationToken();
            }
        }

        @Override
        public String toString() {
            return "VerifyEmailCommand[redacted]";
        }
    }
}
