package org.openreferral.domain.model.webhook;

import java.util.Objects;
import java.util.UUID;

/** Identity of a webhook endpoint. */
public record WebhookId(UUID value) {

    public WebhookId {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookId newId() {
        return new WebhookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
