package org.openreferral.application.integration.port.in;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One delivery attempt as the delivery log shows it. */
public record DeliveryView(UUID id, UUID eventId, String eventType, int attempt, String status,
                           Optional<Integer> responseStatus, Optional<Long> durationMs, Instant createdAt,
                           Optional<Instant> nextAttemptAt) {
}
