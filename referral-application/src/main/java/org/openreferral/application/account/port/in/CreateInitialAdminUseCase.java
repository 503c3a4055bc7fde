package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.Username;

/**
 * Use case: create the configured admin account unless an account with its email exists. Idempotent,
 * and safe when several instances start at once.
 */
public interface CreateInitialAdminUseCase {

    Outcome create(CreateInitialAdminCommand command);

    /** The configured admin account. */
    record CreateInitialAdminCommand(Username username, Email email, Password password) {

        public CreateInitialAdminCommand {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "CreateInitialAdminCommand[username=" + username + ", password=redacted]";
        }
    }

    /** What happened. */
    enum Outcome {
        /** The admin was created now. */
        CREATED,
        /** An admin with that email exists already. */
        ALREADY_ADMIN,
        /** An account with that email exists but is no admin; it is deliberately not promoted. */
        EXISTS_WITHOUT_ADMIN_ROLE,
        /** The username belongs to another account; nothing was created. */
        USERNAME_TAKEN
    }
}
