package org.openreferral.application.account.port.in;

/**
 * Use case: create the configured admin account unless an account with its email exists. Idempotent,
 * and safe when several instances start at once.
 */
public interface CreateInitialAdminUseCase {

    Outcome create(CreateInitialAdminCommand command);

    /** The configured admin account. */
    record CreateInitialAdminCommand(String username, String email, String password) {

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
