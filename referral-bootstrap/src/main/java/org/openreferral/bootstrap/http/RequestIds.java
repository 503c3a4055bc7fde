package org.openreferral.bootstrap.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the client's {@code X-Request-Id} when it is sane, otherwise a new UUID. The id is
 * echoed in the response header and put in the logging MDC as {@code requestId}.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    // Before every other route, including the OpenAPI, Swagger UI, health and metrics handlers.
    private static final int FIRST = Integer.MIN_VALUE + 1000;

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(this::tag);
    }

    private void tag(RoutingContext context) {
        String id = idFor(context.request().getHeader(HEADER));
        context.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        // Quarkus keeps the MDC in the request's (duplicated) Vert.x context, so the id also reaches log lines
        // written on the worker thread that runs the resource method.
        MDC.put(MDC_KEY, id);
        context.next();
    }

    /** The incoming id if it is 1 to 64 of {@code [A-Za-z0-9._:-]} (so it cannot forge log lines), else a new one. */
    static String idFor(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
    }

    /**
     * A random (version 4) UUID. A request id must be unique, not unguessable, so it comes from the thread's own
     * generator instead of UUID.randomUUID()'s shared SecureRandom, which this would call on the event loop for
     * every request.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0x3L << 62)) | (0x2L << 62);
        return new UUID(high, low).toString();
    }
}
