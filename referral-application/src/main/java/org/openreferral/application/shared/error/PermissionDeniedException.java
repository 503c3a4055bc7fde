package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;

/** The caller is known but lacks the role the request needs (an admin endpoint asked by a user). */
public final class PermissionDeniedException extends ReferralException {

    public PermissionDeniedException() {
        super("forbidden", "You may not do this.");
    }
}
