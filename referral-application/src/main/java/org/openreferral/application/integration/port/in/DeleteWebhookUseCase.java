package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.WebhookId;

/** Use case: removes an endpoint with its pending deliveries; nothing more is delivered to it. */
public interface DeleteWebhookUseCase {

    void delete(DeleteWebhookCommand command);

    record DeleteWebhookCommand(Caller caller, WebhookId id) {

        public DeleteWebhookCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }
}
