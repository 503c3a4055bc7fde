package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.domain.model.user.Email;

/**
 * Use case: mail a single-use password reset link to the account with this email, if there is one. The
 * caller learns nothing either way.
 */
public interface RequestPasswordResetUseCase {

    void request(RequestPasswordResetCommand command);

    /** The email address the link is asked for. */
    record RequestPasswordResetCommand(Email email) {

        public RequestPasswordResetCommand {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public String toString() {
            return "RequestPasswordResetCommand[email=redacted]";
        }
    }
}
