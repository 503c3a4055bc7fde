package org.openreferral.adapter.rest.integration.dto;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PATCH /api/v1/webhooks/{id}}: any of the fields; a field left out (or null) stays as it is.
 * {@code enabled} is read as any JSON value so that only a real boolean passes (Jackson would take "yes" or 1).
 */
public record UpdateWebhookRequest(@Size(max = 2000) String url,
                                   @Size(min = 1, max = 20) List<@Size(max = 50) String> events,
                                   @Size(max = 500) String description,
                                   Object enabled) {
}
