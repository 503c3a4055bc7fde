package org.openreferral.domain.model.user;

import org.openreferral.domain.error.ConflictException;

/** The conflicts of account uniqueness, named once for the use cases and the storage that enforces them. */
public final class AccountConflicts {

    private AccountConflicts() {
    }

    public static ConflictException emailTaken() {
        return new ConflictException("email-taken", "An account with this email address already exists.");
    }

    public static ConflictException usernameTaken() {
        return new ConflictException("username-taken", "This username is taken.");
    }
}
