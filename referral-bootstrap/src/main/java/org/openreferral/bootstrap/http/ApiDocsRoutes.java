package org.openreferral.bootstrap.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves ReDoc at {@code /redoc} from the bundled webjar (no CDN), and the OpenAPI document also at
 * {@code /q/openapi}. Swagger UI ({@code /docs}) and {@code /openapi} are Quarkus' own, switched by the same setting.
 */
@ApplicationScoped
public class ApiDocsRoutes {

    private static final String WEBJAR = "META-INF/resources/webjars/redoc/%s/bundles/redoc.standalone.js";
    private static final String WEBJAR_VERSION = "META-INF/maven/org.webjars.npm/redoc/pom.properties";

    private final boolean enabled;
    private final String openApiPath;

    ApiDocsRoutes(@ConfigProperty(name = "referral.api-docs.enabled", defaultValue = "true") boolean enabled,
                  @ConfigProperty(name = "quarkus.smallrye-openapi.path", defaultValue = "/openapi") String openApiPath) {
        this.enabled = enabled;
        this.openApiPath = openApiPath;
    }

    void install(@Observes Router router) {
        if (!enabled) {
            return;
        }
        Buffer page = Buffer.buffer(resource("api-docs/redoc.html"));
        Buffer script = Buffer.buffer(resource(WEBJAR.formatted(redocVersion())));
        router.get("/redoc").handler(context -> send(context, page, "text/html; charset=utf-8"));
        router.get("/redoc/").handler(context -> context.redirect("/redoc"));
        router.get("/redoc/redoc.standalone.js")
                .handler(context -> send(context, script, "text/javascript; charset=utf-8"));
        // The document's canonical path is /openapi; /q/openapi (Quarkus' usual place) answers the same, formats too.
        router.getWithRegex("/q/openapi(\\.json|\\.yaml|\\.yml)?").handler(this::alias);
    }

    private void alias(RoutingContext context) {
        String suffix = context.request().path().substring("/q/openapi".length());
        String query = context.request().query();
        context.reroute(openApiPath + suffix + (query == null ? "" : "?" + query));
    }

    private static void send(RoutingContext context, Buffer body, String contentType) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .end(body);
    }

    private static String redocVersion() {
        Properties properties = new Properties();
        try (InputStream in = stream(WEBJAR_VERSION)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name + " (the ReDoc webjar is a dependency of bootstrap)");
        }
        return in;
    }
}
