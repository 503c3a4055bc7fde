package org.openreferral.application.integration.port.in;

import java.time.Duration;
import java.util.Objects;

/** Use case: deletes the finished webhook delivery attempts older than the retention period (a periodic job). */
public interface PurgeWebhookDeliveriesUseCase {

    /** Deletes the attempts that finished more than the command's retention ago; how many it deleted. */
    int purge(PurgeWebhookDeliveriesCommand command);

    /** How long a finished attempt stays in the delivery log; positive. */
    record PurgeWebhookDeliveriesCommand(Duration retention) {

        public PurgeWebhookDeliveriesCommand {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("the webhook delivery retention must be positive");
            }
        }
    }
}
