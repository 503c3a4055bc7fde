package org.openreferral.adapter.rest.integration;

import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.integration.dto.CreateWebhookRequest;
import org.openreferral.adapter.rest.integration.dto.DeliveryResponse;
import org.openreferral.adapter.rest.integration.dto.UpdateWebhookRequest;
import org.openreferral.adapter.rest.integration.dto.WebhookResponse;
import org.openreferral.adapter.rest.integration.dto.WebhookSecretResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.adapter.rest.shared.RequestParsing;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase.CreateWebhookCommand;
import org.openreferral.application.integration.port.in.DeleteWebhookUseCase;
import org.openreferral.application.integration.port.in.DeleteWebhookUseCase.DeleteWebhookCommand;
import org.openreferral.application.integration.port.in.GetWebhookUseCase;
import org.openreferral.application.integration.port.in.GetWebhookUseCase.GetWebhookQuery;
import org.openreferral.application.integration.port.in.ListWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.in.ListWebhookDeliveriesUseCase.ListWebhookDeliveriesQuery;
import org.openreferral.application.integration.port.in.ListWebhooksUseCase;
import org.openreferral.application.integration.port.in.ListWebhooksUseCase.ListWebhooksQuery;
import org.openreferral.application.integration.port.in.RotateWebhookSecretUseCase;
import org.openreferral.application.integration.port.in.RotateWebhookSecretUseCase.RotateWebhookSecretCommand;
import org.openreferral.application.integration.port.in.TestWebhookUseCase;
import org.openreferral.application.integration.port.in.TestWebhookUseCase.TestWebhookCommand;
import org.openreferral.application.integration.port.in.UpdateWebhookUseCase;
import org.openreferral.application.integration.port.in.UpdateWebhookUseCase.UpdateWebhookCommand;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.webhook.EventSelection;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Webhook endpoints, for admins and clients with {@code webhooks:write}: create (the secret shown once), list, read,
 * change, delete, rotate the secret, send a test event, and read the delivery log.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class WebhookResource {

    private final CreateWebhookUseCase create;
    private final ListWebhooksUseCase list;
    private final GetWebhookUseCase get;
    private final UpdateWebhookUseCase update;
    private final DeleteWebhookUseCase delete;
    private final RotateWebhookSecretUseCase rotate;
    private final TestWebhookUseCase test;
    private final ListWebhookDeliveriesUseCase deliveries;
    private final CallerProvider callers;
    private final WebhookMapper mapper;

    WebhookResource(CreateWebhookUseCase create, ListWebhooksUseCase list, GetWebhookUseCase get,
                    UpdateWebhookUseCase update, DeleteWebhookUseCase delete, RotateWebhookSecretUseCase rotate,
                    TestWebhookUseCase test, ListWebhookDeliveriesUseCase deliveries, CallerProvider callers,
                    WebhookMapper mapper) {
        this.create = create;
        this.list = list;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.rotate = rotate;
        this.test = test;
        this.deliveries = deliveries;
        this.callers = callers;
        this.mapper = mapper;
    }

    // The caller first: somebody who may not manage webhooks gets 403 whatever the body says.
    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateWebhookRequest request) {
        Caller caller = callers.any();
        WebhookUrl url = Fields.parse("url", WebhookUrl::new, request.url());
        EventSelection events = events(request.events());
        Optional<String> description = Optional.ofNullable(request.description());
        WebhookResponse webhook = mapper.toResponse(create.create(
                new CreateWebhookCommand(caller, url, events, description)));
        return Response.created(URI.create("/api/v1/webhooks/" + webhook.id())).entity(webhook).build();
    }

    @GET
    public PageResponse<WebhookResponse> list(@RestQuery String page, @RestQuery String size,
                                              @Context HttpServerRequest http) {
        if (http != null && http.path().endsWith("/")) {
            throw webhookNotFound();
        }
        Caller caller = callers.any();
        return mapper.toWebhookPage(list.list(new ListWebhooksQuery(caller, RequestParsing.page(page, size))));
    }

    @GET
    @Path("/{id}")
    public WebhookResponse get(@RestPath String id) {
        Caller caller = callers.any();
        return mapper.toResponse(get.get(new GetWebhookQuery(caller, webhookId(id))));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookResponse update(@RestPath String id, @Valid @NotNull UpdateWebhookRequest request) {
        Caller caller = callers.any();
        WebhookId webhook = webhookId(id);
        Optional<WebhookUrl> url = Optional.ofNullable(Fields.parseOptional("url", WebhookUrl::new, request.url()));
        Optional<EventSelection> events = Optional.ofNullable(request.events()).map(WebhookResource::events);
        if (request.enabled() != null && !(request.enabled() instanceof Boolean)) {
            throw Fields.invalid("enabled", "must be true or false");
        }
        Optional<Boolean> enabled = Optional.ofNullable((Boolean) request.enabled());
        return mapper.toResponse(update.update(new UpdateWebhookCommand(caller, webhook, url, events,
                Optional.ofNullable(request.description()), enabled)));
    }

    // An empty id segment ("/webhooks/", "/webhooks//test") lands on a neighbouring route whose method differs,
    // which would be a 405; it names no webhook, so it is the 404 of the operation the client meant.
    @PATCH
    public Response updateWithoutId() {
        throw webhookNotFound();
    }

    @DELETE
    public Response deleteWithoutId() {
        throw webhookNotFound();
    }

    @POST
    @Path("/{action}")
    public Response actionWithoutId(@RestPath String action) {
        throw webhookNotFound();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@RestPath String id) {
        Caller caller = callers.any();
        delete.delete(new DeleteWebhookCommand(caller, webhookId(id)));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    public WebhookSecretResponse rotateSecret(@RestPath String id) {
        Caller caller = callers.any();
        return new WebhookSecretResponse(rotate.rotate(new RotateWebhookSecretCommand(caller, webhookId(id)))
                .secret());
    }

    @POST
    @Path("/{id}/test")
    public Response test(@RestPath String id) {
        Caller caller = callers.any();
        test.test(new TestWebhookCommand(caller, webhookId(id)));
        return Response.accepted().build();
    }

    @GET
    @Path("/{id}/deliveries")
    public PageResponse<DeliveryResponse> deliveries(@RestPath String id, @RestQuery String page,
                                                     @RestQuery String size) {
        Caller caller = callers.any();
        return mapper.toDeliveryPage(deliveries.list(new ListWebhookDeliveriesQuery(caller, webhookId(id),
                RequestParsing.page(page, size))));
    }

    /** {@code ["*"]} or known event type names; an unknown one is a 400 naming {@code events}. */
    private static EventSelection events(List<String> names) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || !name.equals(EventSelection.ALL) && EventType.ofSlug(name).isEmpty()) {
                throw Fields.invalid("events", "holds an unknown event type '" + name + "'");
            }
            types.add(name);
        }
        return Fields.parse("events", ignored -> new EventSelection(types), null);
    }

    private static WebhookId webhookId(String text) {
        return new WebhookId(RequestParsing.uuid(text, WebhookResource::webhookNotFound));
    }

    private static NotFoundException webhookNotFound() {
        return new NotFoundException("webhook-not-found", "No such webhook.");
    }
}
