package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.WebhookUrl;

/** Use case: an admin or a client with {@code webhooks:write} subscribes a URL; the secret is shown once. */
public interface CreateWebhookUseCase {

    CreatedWebhook create(CreateWebhookCommand command);

    record CreateWebhookCommand(Caller caller, WebhookUrl url, EventSelection events, Optional<String> description) {

        public CreateWebhookCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(description, "description");
        }
    }

    /** The new endpoint and its signing secret, which nobody can read again. */
    record CreatedWebhook(WebhookView webhook, String secret) {

        @Override
        public String toString() {
            return "CreatedWebhook[" + webhook + "]";
        }
    }
}
