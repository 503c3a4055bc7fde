package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** An event of the feed: an {@link OutboxEvent} with the sequence it got after its transaction committed. */
public record SequencedEvent(UUID id, long sequence, EventType type, Instant createdAt, Map<String, Object> data,
                             Optional<UUID> webhookId) {

    public SequencedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(webhookId, "webhookId");
    }
}
