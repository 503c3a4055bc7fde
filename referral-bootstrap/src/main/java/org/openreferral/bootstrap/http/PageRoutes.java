package org.openreferral.bootstrap.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openreferral.bootstrap.referral.ReferralSettings;

/**
 * The referrer's pages (docs/adr/0015-referrer-pages.md): the dashboard's static files are served by Quarkus from
 * {@code META-INF/resources/app}; this adds {@code /} and {@code /app} (to {@code /app/}), the page behind the
 * verification link ({@code /verify-email}), the dashboard's settings ({@code /app/config.json}), and the security
 * headers of every page, the share page {@code /r/{code}} included.
 */
@ApplicationScoped
public class PageRoutes {

    /** No inline script or style, nothing from elsewhere, never in a frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    private static final String PAGES = "/(app(/.*)?|r/.*|verify-email)";
    // After RequestIds and the metrics guard; before Quarkus' static files and REST.
    private static final int ORDER = Integer.MIN_VALUE + 1200;
    private static final long DAY_SECONDS = 86_400;

    private final ReferralSettings referral;

    PageRoutes(ReferralSettings referral) {
        this.referral = referral;
    }

    void install(@Observes Router router) {
        router.routeWithRegex(PAGES).order(ORDER).handler(PageRoutes::securityHeaders);
        router.get("/").handler(context -> context.redirect("/app/"));
        // A path route would also take /app/ (Vert.x ignores a trailing slash), the static index.
        router.getWithRegex("/app").handler(context -> context.redirect("/app/"));
        Buffer verifyPage = Buffer.buffer(resource("META-INF/resources/app/verify-email.html"));
        router.get("/verify-email").handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(verifyPage));
        Buffer settings = new JsonObject()
                .put("codeMaxTtlDays", referral.code().maxTtl().toSeconds() / DAY_SECONDS)
                .toBuffer();
        router.get("/app/config.json").handler(context -> context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(settings));
    }

    private static void securityHeaders(RoutingContext context) {
        context.addHeadersEndHandler(ignored -> context.response().headers()
                .set("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .set("X-Content-Type-Options", "nosniff")
                .set("X-Frame-Options", "DENY")
                // The share page's address holds the code, the verification page's the token: never pass it on.
                .set("Referrer-Policy", "no-referrer"));
        context.next();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
