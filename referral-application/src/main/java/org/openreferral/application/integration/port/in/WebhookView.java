package org.openreferral.application.integration.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A webhook endpoint as its owner sees it: never with a secret. */
public record WebhookView(UUID id, String url, List<String> events, Optional<String> description, boolean enabled,
                          Optional<String> disabledReason, Instant createdAt) {
}
