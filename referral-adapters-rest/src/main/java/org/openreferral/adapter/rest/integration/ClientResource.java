package org.openreferral.adapter.rest.integration;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.integration.dto.ClientResponse;
import org.openreferral.adapter.rest.integration.dto.CreateClientRequest;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.integration.port.in.CreateClientUseCase;
import org.openreferral.application.integration.port.in.CreateClientUseCase.CreateClientCommand;
import org.openreferral.application.integration.port.in.DeleteClientUseCase;
import org.openreferral.application.integration.port.in.DeleteClientUseCase.DeleteClientCommand;
import org.openreferral.application.integration.port.in.ListClientsUseCase;
import org.openreferral.application.integration.port.in.ListClientsUseCase.ListClientsQuery;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.ClientName;
import org.openreferral.domain.model.client.Scope;

/** Machine clients, for admins: create (the secret shown once), list, delete. */
@Path("/api/v1/clients")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ClientResource {

    private final CreateClientUseCase create;
    private final ListClientsUseCase list;
    private final DeleteClientUseCase delete;
    private final CallerProvider callers;
    private final ClientMapper mapper;

    ClientResource(CreateClientUseCase create, ListClientsUseCase list, DeleteClientUseCase delete,
                   CallerProvider callers, ClientMapper mapper) {
        this.create = create;
        this.list = list;
        this.delete = delete;
        this.callers = callers;
        this.mapper = mapper;
    }

    // The caller first: a non-admin gets 403 whatever the body says.
    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateClientRequest request) {
        Caller caller = callers.current();
        ClientName name = Fields.parse("name", ClientName::new, request.name());
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        request.scopes().forEach(scope -> scopes.add(Fields.parse("scopes", Scope::ofSlug, scope)));
        ClientResponse client = mapper.toResponse(create.create(new CreateClientCommand(caller, name, scopes)));
        return Response.created(URI.create("/api/v1/clients/" + client.id())).entity(client).build();
    }

    @GET
    public PageResponse<ClientResponse> list(@RestQuery String page, @RestQuery String size,
                                             @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw clientNotFound();
        }
        Caller caller = callers.current();
        return mapper.toClientPage(list.list(new ListClientsQuery(caller, RequestParsing.page(page, size))));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@RestPath String id) {
        Caller caller = callers.current();
        delete.delete(new DeleteClientCommand(caller, clientId(id)));
        return Response.noContent().build();
    }

    private static ClientId clientId(String text) {
        return new ClientId(RequestParsing.uuid(text, ClientResource::clientNotFound));
    }

    private static NotFoundException clientNotFound() {
        return new NotFoundException("client-not-found", "No such client.");
    }
}
