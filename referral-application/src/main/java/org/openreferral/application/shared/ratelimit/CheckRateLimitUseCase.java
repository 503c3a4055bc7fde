package org.openreferral.application.shared.ratelimit;

import java.util.Locale;

/** Use case: count one request of a client against its budget for an endpoint; refuse it when spent. */
public interface CheckRateLimitUseCase {

    /** Throws {@code TooManyRequestsException} when the client has spent its budget. */
    void check(CheckRateLimitCommand command);

    /** Which budget and whose: {@code client} is the client's address. */
    record CheckRateLimitCommand(RateLimitedAction action, String client) {
    }

    /** The endpoints with a per-client budget. */
    enum RateLimitedAction {
        REGISTER, TOKEN, PASSWORD_RESET, CODE_LOOKUP;

        /** The name in configuration keys and counter keys, e.g. {@code password-reset}. */
        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
