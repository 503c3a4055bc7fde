package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.SequenceEventsUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Runs the outbox's sequencer: one transaction per batch, so each batch's numbers become visible together when it
 * commits; stops when a batch is not full (nothing left, or another instance holds the sequencer's lock).
 */
public final class SequenceEventsService implements SequenceEventsUseCase {

    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;

    public SequenceEventsService(EventOutbox outbox, UnitOfWork unitOfWork) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public int sequence(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be positive");
        }
        int total = 0;
        int batch;
        do {
            batch = unitOfWork.inTransaction(() -> outbox.sequencePending(batchSize));
            total += batch;
        } while (batch == batchSize);
        return total;
    }
}
