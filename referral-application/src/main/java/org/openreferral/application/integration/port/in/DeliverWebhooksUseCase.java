package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Use case (background): claims due delivery attempts for a lease, commits the claim, and hands each attempt to
 * {@code executor}, which sends it outside any transaction and records the outcome while the claim is still its own.
 */
public interface DeliverWebhooksUseCase {

    /** How many attempts were claimed and handed to the executor. */
    int deliverDue(DeliverWebhooksCommand command);

    record DeliverWebhooksCommand(int limit, Executor executor) {

        public DeliverWebhooksCommand {
            if (limit < 0) {
                throw new IllegalArgumentException("limit must not be negative");
            }
            Objects.requireNonNull(executor, "executor");
        }
    }
}
