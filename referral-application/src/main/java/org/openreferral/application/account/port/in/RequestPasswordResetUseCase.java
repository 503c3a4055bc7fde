package org.openreferral.application.account.port.in;

/**
 * Use case: mail a single-use password reset link to the account with this email, if there is one. The
 * caller learns nothing either way.
 */
public interface RequestPasswordResetUseCase {

    void request(RequestPasswordResetCommand command);

    /** The email address as typed. */
    record RequestPasswordResetCommand(String email) {

        @Override
        public String toString() {
            return "RequestPasswordResetCommand[email=redacted]";
        }
    }
}
