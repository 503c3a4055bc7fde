package org.openreferral.adapter.rest.integration;

import java.util.List;
import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.integration.dto.ClientResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.application.integration.port.in.ClientView;
import org.openreferral.application.integration.port.in.CreateClientUseCase.CreatedClient;
import org.openreferral.application.shared.Page;
import org.openreferral.domain.model.client.Scope;

/** Machine clients to their wire form; the secret only for a client just created. */
@Mapper(componentModel = "jakarta-cdi")
public interface ClientMapper {

    default ClientResponse toResponse(ClientView client) {
        return toResponse(client, null);
    }

    default ClientResponse toResponse(CreatedClient created) {
        return toResponse(created.client(), created.secret());
    }

    default PageResponse<ClientResponse> toClientPage(Page<ClientView> page) {
        return PageResponse.of(page, page.items().stream().map(this::toResponse).toList());
    }

    private ClientResponse toResponse(ClientView client, String secret) {
        List<String> scopes = client.scopes().stream().map(Scope::slug).toList();
        return new ClientResponse(client.id().toString(), client.name(), scopes, secret, client.createdAt());
    }
}
