package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An event as written to the outbox, before it has a sequence. {@code data} holds JSON values only (strings,
 * numbers, booleans, null; instants written as ISO-8601 strings); {@code webhookId} is set for an event meant for
 * one webhook endpoint only ({@code webhook.test}).
 */
public record OutboxEvent(UUID id, EventType type, Instant createdAt, Map<String, Object> data,
                          Optional<UUID> webhookId) {

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
        Objects.requireNonNull(webhookId, "webhookId");
    }
}
