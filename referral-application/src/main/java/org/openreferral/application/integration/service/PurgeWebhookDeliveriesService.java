package org.openreferral.application.integration.service;

import java.time.Clock;
import java.time.Instant;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Deletes the finished delivery attempts past the retention in batches, one short transaction per batch, until a
 * batch comes back short: a large backlog never holds one long transaction. PENDING attempts always stay.
 */
public final class PurgeWebhookDeliveriesService implements PurgeWebhookDeliveriesUseCase {

    /** Attempts deleted per transaction unless the constructor says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int batchSize;

    public PurgeWebhookDeliveriesService(WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock) {
        this(deliveries, unitOfWork, clock, DEFAULT_BATCH_SIZE);
    }

    /** With {@code batchSize} attempts deleted per transaction. */
    public PurgeWebhookDeliveriesService(WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork, Clock clock,
                                         int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the purge batch size must be positive");
        }
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int purge(PurgeWebhookDeliveriesCommand command) {
        // One cutoff for the whole run: attempts finishing meanwhile are newer than it, so the loop ends.
        Instant cutoff = clock.instant().minus(command.retention());
        int total = 0;
        int deleted;
        do {
            deleted = unitOfWork.inTransaction(() -> deliveries.purgeFinishedBefore(cutoff, batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
