package org.openreferral.adapter.rest.integration.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/clients}. */
public record CreateClientRequest(@NotNull @Size(max = 100) String name,
                                  @NotNull @Size(min = 1, max = 5) List<@NotNull @Size(max = 50) String> scopes) {
}
