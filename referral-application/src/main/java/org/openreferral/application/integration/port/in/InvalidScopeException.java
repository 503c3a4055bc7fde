package org.openreferral.application.integration.port.in;

import org.openreferral.domain.error.ReferralException;

/** The token request asks for a scope the client was not granted (RFC 6749 5.2 {@code invalid_scope}): 400. */
public final class InvalidScopeException extends ReferralException {

    public InvalidScopeException() {
        super("invalid-scope", "The client may not ask for this scope.");
    }
}
