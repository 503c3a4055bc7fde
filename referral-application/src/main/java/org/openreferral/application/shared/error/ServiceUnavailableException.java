package org.openreferral.application.shared.error;

import org.openreferral.domain.error.ReferralException;

/**
 * The request cannot be served right now, retrying later may work: a dependency it needs (the database) cannot be
 * reached ({@code service-unavailable}), or the service is at a limit it sets itself ({@code overloaded}, the
 * contract's "Overload").
 */
public final class ServiceUnavailableException extends ReferralException {

    public ServiceUnavailableException(String message) {
        super("service-unavailable", message);
    }

    private ServiceUnavailableException(String code, String message) {
        super(code, message);
    }

    /** Refused at once because the service is at one of its own limits, instead of queueing without bound. */
    public static ServiceUnavailableException overloaded(String message) {
        return new ServiceUnavailableException("overloaded", message);
    }
}
