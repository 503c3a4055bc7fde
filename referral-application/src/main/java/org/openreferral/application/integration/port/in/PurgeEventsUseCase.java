package org.openreferral.application.integration.port.in;

import java.time.Duration;
import java.util.Objects;

/** Use case: deletes the events older than the retention period. */
public interface PurgeEventsUseCase {

    /** Deletes the sequenced events created more than the command's retention ago; how many it deleted. */
    int purge(PurgeEventsCommand command);

    /** How long events are kept; positive. */
    record PurgeEventsCommand(Duration retention) {

        public PurgeEventsCommand {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("the event retention must be positive");
            }
        }
    }
}
