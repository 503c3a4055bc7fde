package org.openreferral.adapter.rest.integration.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A webhook endpoint; {@code secret} only in the answer to its creation. */
public record WebhookResponse(String id, String url, List<String> events, String description, boolean enabled,
                              String disabledReason, @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                              Instant createdAt) {
}
