package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;

/** A dependency the request needs (the database) cannot be reached right now; retrying later may work. */
public final class ServiceUnavailableException extends ReferralException {

    public ServiceUnavailableException(String message) {
        super("service-unavailable", message);
    }
}
