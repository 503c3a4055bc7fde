package org.openreferral.adapter.rest.shared.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A {@code Content-Type} or {@code Accept} header that is not a media type is the client's error (400), not ours:
 * RESTEasy parses them before any filter runs and throws a bare {@link IllegalArgumentException}. Every other
 * {@code IllegalArgumentException} stays a 500, as {@link ProblemMapper} answers any unexpected error.
 */
public class MalformedHeaderMapper {

    private static final String HEADER_PARSING = "org.jboss.resteasy.reactive.common.headers.";

    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException error, HttpServerRequest request) {
        if (fromHeaderParsing(error)) {
            return ProblemMapper.problem(400, "malformed-request",
                    "The Content-Type or Accept header is not a valid media type.", request, null).build();
        }
        return ProblemMapper.internalError(error, request);
    }

    private static boolean fromHeaderParsing(IllegalArgumentException error) {
        StackTraceElement[] frames = error.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(HEADER_PARSING);
    }
}
