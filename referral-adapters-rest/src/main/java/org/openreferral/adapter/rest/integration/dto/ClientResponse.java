package org.openreferral.adapter.rest.integration.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A machine client; {@code secret} only in the answer to its creation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientResponse(String id, String name, List<String> scopes, String secret, Instant createdAt) {
}
