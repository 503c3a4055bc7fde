package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Use case: changes any of an endpoint's URL, events, description (empty removes it) and enabled flag; enabling
 * it again forgets its failures.
 */
public interface UpdateWebhookUseCase {

    WebhookView update(UpdateWebhookCommand command);

    record UpdateWebhookCommand(Caller caller, WebhookId id, Optional<WebhookUrl> url,
                                Optional<EventSelection> events, Optional<String> description,
                                Optional<Boolean> enabled) {

        public UpdateWebhookCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(enabled, "enabled");
        }
    }
}
