package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;
import org.openreferral.domain.model.client.Scope;

/**
 * The caller is known but may not do this: an admin endpoint asked by a user, an endpoint for people asked by a
 * machine client ({@code forbidden}), or a client whose token lacks the scope ({@code insufficient-scope}).
 */
public final class PermissionDeniedException extends ReferralException {

    public PermissionDeniedException() {
        super("forbidden", "You may not do this.");
    }

    private PermissionDeniedException(String code, String message) {
        super(code, message);
    }

    public static PermissionDeniedException insufficientScope(Scope needed) {
        return new PermissionDeniedException("insufficient-scope",
                "The access token lacks the scope " + needed.slug() + ".");
    }
}
