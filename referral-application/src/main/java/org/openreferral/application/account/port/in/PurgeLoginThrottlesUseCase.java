package org.openreferral.application.account.port.in;

/** Use case: deletes the expired lockout buckets of the password grant (a periodic job). */
public interface PurgeLoginThrottlesUseCase {

    /** Deletes every bucket expired by now; how many it deleted. */
    int purge(PurgeLoginThrottlesCommand command);

    /** No parameters: what is expired follows from the clock. */
    record PurgeLoginThrottlesCommand() {
    }
}
