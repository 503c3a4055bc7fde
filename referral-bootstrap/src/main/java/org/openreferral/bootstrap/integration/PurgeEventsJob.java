package org.openreferral.bootstrap.integration;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase.PurgeEventsCommand;

/**
 * Deletes events older than {@code referral.event.retention}, every {@code referral.event.purge-interval}. Every
 * instance may run it; deleting the same old rows twice is harmless.
 */
@ApplicationScoped
public class PurgeEventsJob {

    private final PurgeEventsUseCase purge;
    private final EventSettings settings;

    PurgeEventsJob(PurgeEventsUseCase purge, EventSettings settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Scheduled(identity = "purge-events", every = "${referral.event.purge-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        purge.purge(new PurgeEventsCommand(settings.retention()));
    }
}
