package org.openreferral.adapter.rest.shared.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Two client errors (400), not ours, that RESTEasy reports as a bare {@link IllegalArgumentException} before any
 * resource method or filter runs: a {@code Content-Type} or {@code Accept} header that is not a media type (parsed
 * while it chooses between resource methods, the token endpoint's form and JSON variants), which shows in the request
 * itself, its header does not parse; and a form body with a %-escape that does not decode, which shows in where the
 * exception was thrown, RESTEasy's form parser. Every other {@code IllegalArgumentException} stays a 500, as
 * {@link ProblemMapper} answers any unexpected error.
 */
public class MalformedRequestMapper {

    private static final String FORM_BODY_PARSER =
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";

    // Why not refuse such headers in a pre-matching filter: RESTEasy answers most of them on its own, 415 for an
    // endpoint that reads a body and not at all where the header is not used, and those answers must stay as they are.
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException error, HttpServerRequest request) {
        if (request != null && hasMalformedMediaType(request)) {
            return ProblemMapper.problem(400, "malformed-request",
                    "The Content-Type or Accept header is not a valid media type.", request, null).build();
        }
        if (thrownByTheFormBodyParser(error)) {
            return ProblemMapper.problem(400, "malformed-request",
                    "The request body is not valid application/x-www-form-urlencoded (a %-escape does not decode).",
                    request, null).build();
        }
        return ProblemMapper.internalError(error, request);
    }

    private static boolean thrownByTheFormBodyParser(IllegalArgumentException error) {
        return Arrays.stream(error.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(FORM_BODY_PARSER));
    }

    /** Whether a Content-Type, or an entry of an Accept list, is not a media type to the parser RESTEasy uses. */
    private static boolean hasMalformedMediaType(HttpServerRequest request) {
        Stream<String> accepted = request.headers().getAll(HttpHeaders.ACCEPT).stream()
                .flatMap(accept -> Arrays.stream(accept.split(",")).map(String::trim));
        return Stream.concat(request.headers().getAll(HttpHeaders.CONTENT_TYPE).stream(), accepted)
                .anyMatch(MalformedRequestMapper::notAMediaType);
    }

    private static boolean notAMediaType(String text) {
        try {
            MediaType.valueOf(text);
            return false;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
