package org.openreferral.adapter.rest.shared.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.stream.Stream;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A {@code Content-Type} or {@code Accept} header that is not a media type is the client's error (400), not ours.
 * RESTEasy parses them while it chooses between resource methods (the token endpoint's form and JSON variants), before
 * any filter runs, and throws a bare {@link IllegalArgumentException}; which one that is shows in the request itself:
 * its header does not parse. Every other {@code IllegalArgumentException} stays a 500, as {@link ProblemMapper}
 * answers any unexpected error.
 */
public class MalformedHeaderMapper {

    // Why not refuse such headers in a pre-matching filter: RESTEasy answers most of them on its own, 415 for an
    // endpoint that reads a body and not at all where the header is not used, and those answers must stay as they are.
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException error, HttpServerRequest request) {
        if (request != null && hasMalformedMediaType(request)) {
            return ProblemMapper.problem(400, "malformed-request",
                    "The Content-Type or Accept header is not a valid media type.", request, null).build();
        }
        return ProblemMapper.internalError(error, request);
    }

    /** Whether a Content-Type, or an entry of an Accept list, is not a media type to the parser RESTEasy uses. */
    private static boolean hasMalformedMediaType(HttpServerRequest request) {
        Stream<String> accepted = request.headers().getAll(HttpHeaders.ACCEPT).stream()
                .flatMap(accept -> Arrays.stream(accept.split(",")).map(String::trim));
        return Stream.concat(request.headers().getAll(HttpHeaders.CONTENT_TYPE).stream(), accepted)
                .anyMatch(MalformedHeaderMapper::notAMediaType);
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
