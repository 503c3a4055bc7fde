package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.webhook.WebhookId;

/** Use case: the delivery attempts of one endpoint the caller manages, newest first, paged. */
public interface ListWebhookDeliveriesUseCase {

    Page<DeliveryView> list(ListWebhookDeliveriesQuery query);

    record ListWebhookDeliveriesQuery(Caller caller, WebhookId id, PageRequest page) {

        public ListWebhookDeliveriesQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(page, "page");
        }
    }
}
