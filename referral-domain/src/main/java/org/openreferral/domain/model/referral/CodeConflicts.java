package org.openreferral.domain.model.referral;

import org.openreferral.domain.error.ConflictException;

/** The conflicts of code uniqueness, named once for the use cases and the storage that enforces them. */
public final class CodeConflicts {

    private CodeConflicts() {
    }

    public static ConflictException activeCodeExists() {
        return new ConflictException("active-code-exists",
                "You already have an active referral code; revoke it or let it expire first.");
    }

    public static ConflictException codeTaken() {
        return new ConflictException("code-taken", "This referral code is taken; choose another.");
    }

    public static ConflictException alreadyReferred() {
        return new ConflictException("already-referred", "This user has already been referred.");
    }
}
