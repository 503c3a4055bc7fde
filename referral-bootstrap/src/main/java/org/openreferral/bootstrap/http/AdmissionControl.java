package org.openreferral.bootstrap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission control (the contract's "Overload"): at most {@code referral.http.max-concurrent-requests} requests are
 * in the service at once; one more is answered at once, on the event loop, with 503 {@code overloaded} and
 * {@code Retry-After}, instead of waiting in a queue without bound (Quarkus' worker queue has none), which under
 * overload turns into growing latency for everybody and finally an OutOfMemoryError. The probes and metrics under
 * {@code /q/} are never refused, so an overloaded instance is not also taken for a dead one.
 */
@ApplicationScoped
public class AdmissionControl {

    // After RequestIds (the refusal carries the request id) and after BodySizeLimit has read the body on the event
    // loop: a client that trickles its body costs no admission slot (it would otherwise let a few hundred slow
    // senders shut everybody else out), only the memory the body limit and the idle timeout bound.
    private static final int ORDER = Integer.MIN_VALUE + 1150;
    private static final int SERVICE_UNAVAILABLE = 503;

    private final int limit;
    private final String retryAfterSeconds;
    private final ObjectMapper json;
    private final AtomicInteger inFlight = new AtomicInteger();

    AdmissionControl(@ConfigProperty(name = "referral.http.max-concurrent-requests", defaultValue = "256") int limit,
                     @ConfigProperty(name = "referral.http.overload-retry-after", defaultValue = "PT1S")
                     Duration retryAfter,
                     ObjectMapper json) {
        if (limit < 1) {
            throw new IllegalStateException("REFERRAL_HTTP_MAX_CONCURRENT_REQUESTS must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.retryAfterSeconds = Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        if (context.request().path().startsWith("/q/")) {
            context.next();
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            refuse(context);
            return;
        }
        // Called once the response has ended or the connection is gone, whichever comes first.
        context.addEndHandler(ended -> inFlight.decrementAndGet());
        context.next();
    }

    /** Requests admitted and not yet answered. */
    int inFlight() {
        return inFlight.get();
    }

    private void refuse(RoutingContext context) {
        RouteProblems.answer(context, json, SERVICE_UNAVAILABLE, "overloaded",
                "The service is at its limit of concurrent requests; retry after the time in Retry-After.",
                response -> response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds));
    }
}
