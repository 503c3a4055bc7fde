package org.openreferral.bootstrap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;
import org.openreferral.adapter.rest.shared.problem.ProblemDetail;

/**
 * The problem+json answer of a Vert.x route handler that refuses a request before it reaches the REST layer (body
 * too large, metrics without their token, overload): the same body the REST layer's problems have.
 */
final class RouteProblems {

    private RouteProblems() {
    }

    /** Ends the response with {@code status} and the problem {@code code}; {@code headers} adds what it needs. */
    static void answer(RoutingContext context, ObjectMapper json, int status, String code, String detail,
                       Consumer<HttpServerResponse> headers) {
        ProblemDetail problem = ProblemDetail.of(status, code, detail, context.request().path(), null);
        try {
            String body = json.writeValueAsString(problem);
            HttpServerResponse response = context.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
            headers.accept(response);
            response.end(body);
        } catch (JsonProcessingException e) {
            context.fail(status, e);
        }
    }
}
