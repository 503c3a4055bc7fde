package org.openreferral.bootstrap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every API request body completely on the event loop, up to {@code referral.http.max-body-size}, before
 * the request reaches a resource method.
 * <p>
 * Left alone, Quarkus REST hands a blocking resource method a stream that its worker thread waits on, so a few
 * hundred clients that promise a body and send it a byte a minute would hold every worker thread and the API would
 * stop answering everybody else. Buffered here, a slow body costs a little memory and no thread; the idle timeout
 * ({@code quarkus.http.idle-timeout}) ends it. A body above the limit, declared or streamed, gets 413
 * {@code payload-too-large} as problem+json, like every other refusal.
 */
@ApplicationScoped
public class BodySizeLimit {

    // After RequestIds, so the refusal carries the request id; before the REST routes.
    private static final int ORDER = Integer.MIN_VALUE + 1100;
    private static final int PAYLOAD_TOO_LARGE = 413;

    private final long maxBodyBytes;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "referral.http.max-body-size", defaultValue = "64K") MemorySize maxBodySize,
                  ObjectMapper json) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.json = json;
    }

    /** The largest API request body read, in bytes ({@code referral.http.max-body-size}). */
    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::read);
    }

    @SuppressWarnings("deprecation") // setBody: the buffered body Quarkus REST reads instead of the request stream
    private void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!hasBody(request)) {
            context.next();
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            refuse(context);
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > maxBodyBytes) {
                refuse(context);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(context::fail);
        request.endHandler(ended -> {
            if (!context.response().ended()) {
                context.setBody(body);
                context.next();
            }
        });
        request.resume();
    }

    private static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.CONTENT_LENGTH)
                || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The declared Content-Length, or -1 when there is none or it is not a number (then the stream is counted). */
    private static long declaredLength(HttpServerRequest request) {
        try {
            return Long.parseLong(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void refuse(RoutingContext context) {
        RouteProblems.answer(context, json, PAYLOAD_TOO_LARGE, "payload-too-large",
                "The request body is larger than " + maxBodyBytes + " bytes.",
                // The rest of the body is not read; the connection cannot carry another request.
                response -> response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE));
    }
}
