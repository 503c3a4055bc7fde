package org.openreferral.adapter.rest.integration.dto;

import java.time.Instant;

/** One delivery attempt of the delivery log. */
public record DeliveryResponse(String id, String eventId, String eventType, int attempt, String status,
                               Integer responseStatus, Long durationMs, Instant createdAt, Instant nextAttemptAt) {
}
