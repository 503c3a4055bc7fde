package org.openreferral.application.integration.service;

import java.time.Clock;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase.PurgeEventsCommand;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.shared.UnitOfWork;

/** Deletes the events older than the retention period, in one transaction. */
public final class PurgeEventsService implements PurgeEventsUseCase {

    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public PurgeEventsService(EventOutbox outbox, UnitOfWork unitOfWork, Clock clock) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int purge(PurgeEventsCommand command) {
        return unitOfWork.inTransaction(() -> outbox.purgeCreatedBefore(clock.instant().minus(command.retention())));
    }
}
