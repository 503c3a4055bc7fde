package org.openreferral.bootstrap.integration;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase.PurgeWebhookDeliveriesCommand;

/**
 * Deletes finished webhook delivery attempts older than {@code referral.webhook.delivery-retention}, every
 * {@code referral.webhook.delivery-purge-interval}. Every instance may run it; two purges at once skip each other's
 * rows, which is harmless.
 */
@ApplicationScoped
public class PurgeWebhookDeliveriesJob {

    private final PurgeWebhookDeliveriesUseCase purge;
    private final WebhookSettings settings;

    PurgeWebhookDeliveriesJob(PurgeWebhookDeliveriesUseCase purge, WebhookSettings settings) {
        this.purge = purge;
        this.settings = settings;
    }

    @Scheduled(identity = "purge-webhook-deliveries", every = "${referral.webhook.delivery-purge-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        purge.purge(new PurgeWebhookDeliveriesCommand(settings.deliveryRetention()));
    }
}
