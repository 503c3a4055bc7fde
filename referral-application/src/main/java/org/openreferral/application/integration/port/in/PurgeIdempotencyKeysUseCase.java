package org.openreferral.application.integration.port.in;

/** Use case: removes the idempotency keys whose time is over (a periodic job). */
public interface PurgeIdempotencyKeysUseCase {

    /** How many keys were removed. */
    int purge(PurgeIdempotencyKeysCommand command);

    /** No parameters: what is expired follows from the clock. */
    record PurgeIdempotencyKeysCommand() {
    }
}
