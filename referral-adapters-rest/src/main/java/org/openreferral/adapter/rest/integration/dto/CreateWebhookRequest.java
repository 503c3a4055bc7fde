package org.openreferral.adapter.rest.integration.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/webhooks}. */
public record CreateWebhookRequest(@NotNull @Size(max = 2000) String url,
                                   @NotNull @Size(min = 1, max = 20) List<@NotNull @Size(max = 50) String> events,
                                   @Size(max = 500) String description) {
}
