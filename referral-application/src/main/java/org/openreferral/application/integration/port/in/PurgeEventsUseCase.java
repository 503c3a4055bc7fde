package org.openreferral.application.integration.port.in;

import java.time.Duration;

/** Use case: deletes the events older than the retention period. */
public interface PurgeEventsUseCase {

    /** Deletes the sequenced events created more than {@code retention} ago; how many it deleted. */
    int purge(Duration retention);
}
