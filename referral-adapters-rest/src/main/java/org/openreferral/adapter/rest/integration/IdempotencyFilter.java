package org.openreferral.adapter.rest.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.adapter.rest.shared.Idempotent;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.BeginIdempotentRequestCommand;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Proceed;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Replay;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase.Start;
import org.openreferral.application.integration.port.in.FinishIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.FinishIdempotentRequestUseCase.FinishIdempotentRequestCommand;
import org.openreferral.application.integration.port.in.IdempotencyClaim;
import org.openreferral.application.integration.port.in.IdempotencyKey;
import org.openreferral.application.integration.port.in.IdempotencyScope;
import org.openreferral.application.integration.port.out.KeptAnswer;
import org.openreferral.application.shared.Caller;

/**
 * {@code Idempotency-Key} on the {@link Idempotent} resource methods. Before the method (on its worker thread, after
 * the security check) the key is claimed, or the kept answer is replayed with {@code Idempotent-Replayed: true} and
 * the method never runs; after it, the answer (also an error mapped to problem+json) is kept or the key released.
 * The request hash is over the body bytes as received.
 */
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    // A Response built without a type gets it from the method's @Produces (JSON, for every @Idempotent method) when
    // it is written, after this filter: as written, with the charset Quarkus adds.
    private static final String WRITTEN_JSON = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private final BeginIdempotentRequestUseCase begin;
    private final FinishIdempotentRequestUseCase finish;
    private final CallerProvider callers;
    private final ObjectMapper json;

    IdempotencyFilter(BeginIdempotentRequestUseCase begin, FinishIdempotentRequestUseCase finish,
                      CallerProvider callers, ObjectMapper json) {
        this.begin = begin;
        this.finish = finish;
        this.callers = callers;
        this.json = json;
    }

    @Idempotent
    @ServerRequestFilter
    public Optional<Response> claim(ContainerRequestContext request) throws IOException {
        String header = request.getHeaderString(Idempotent.KEY_HEADER);
        if (header == null) {
            return Optional.empty();
        }
        IdempotencyKey key = Fields.parse(Idempotent.KEY_HEADER, IdempotencyKey::new, header);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotencyScope scope = new IdempotencyScope(caller(), request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), key);
        Start start = begin.begin(new BeginIdempotentRequestCommand(scope, body));
        if (start instanceof Replay replay) {
            return Optional.of(replayed(replay.answer()));
        }
        request.setProperty(CLAIM, ((Proceed) start).claim());
        return Optional.empty();
    }

    @Idempotent
    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyClaim claim)) {
            return;
        }
        request.removeProperty(CLAIM);
        try {
            MediaType type = response.getMediaType();
            String location = response.getHeaderString(HttpHeaders.LOCATION);
            KeptAnswer answer = new KeptAnswer(response.getStatus(),
                    type == null ? WRITTEN_JSON : type.toString(), Optional.ofNullable(location),
                    bytes(response.getEntity()));
            finish.finish(new FinishIdempotentRequestCommand(claim, answer));
        } catch (RuntimeException | JsonProcessingException e) {
            // The answer still goes out; the key stays claimed until its lock runs out, then a retry runs again.
            LOG.error("Could not keep the answer of an idempotent request", e);
        }
    }

    // Anonymous when no valid token came with the request (registration needs none).
    private Optional<Caller> caller() {
        try {
            return Optional.of(callers.any());
        } catch (UnauthorizedException | AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    private byte[] bytes(Object entity) throws JsonProcessingException {
        if (entity == null) {
            return new byte[0];
        } else if (entity instanceof byte[] raw) {
            return raw;
        } else if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return json.writeValueAsBytes(entity);
    }

    private static Response replayed(KeptAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .header(Idempotent.REPLAYED_HEADER, "true");
        answer.location().ifPresent(location -> response.header(HttpHeaders.LOCATION, location));
        byte[] body = answer.body();
        if (body.length > 0) {
            response.entity(body).type(answer.contentType());
        }
        return response.build();
    }
}
