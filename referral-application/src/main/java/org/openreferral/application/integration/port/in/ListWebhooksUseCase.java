package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: the webhook endpoints the caller manages (all of them for an admin), oldest first, paged. */
public interface ListWebhooksUseCase {

    Page<WebhookView> list(ListWebhooksQuery query);

    record ListWebhooksQuery(Caller caller, PageRequest page) {

        public ListWebhooksQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(page, "page");
        }
    }
}
