package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.WebhookId;

/** Use case: one webhook endpoint the caller manages. */
public interface GetWebhookUseCase {

    WebhookView get(GetWebhookQuery query);

    record GetWebhookQuery(Caller caller, WebhookId id) {

        public GetWebhookQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }
}
