package org.openreferral.bootstrap.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.openreferral.bootstrap.ReferralApplication;

/**
 * Puts {@code /q/metrics} behind a bearer token when {@code referral.metrics.token} ({@code REFERRAL_METRICS_TOKEN})
 * is set: without {@code Authorization: Bearer <token>} the answer is 401 problem+json. Unset, the metrics stay public
 * (the contract's default), with a start-up warning outside the embedded default. A runtime setting, because Quarkus'
 * separate management port ({@code quarkus.management.enabled}) is fixed at build time and one binary serves both
 * modes.
 */
@ApplicationScoped
public class MetricsAccess {

    static final int MIN_TOKEN_LENGTH = 16;
    private static final Logger LOG = Logger.getLogger(MetricsAccess.class);
    // After RequestIds, so the refusal carries the request id; before Quarkus' own metrics route.
    private static final int ORDER = Integer.MIN_VALUE + 1100;
    private static final int UNAUTHORIZED = 401;
    private static final String BEARER = "bearer ";

    private final Optional<byte[]> tokenDigest;
    private final ObjectMapper json;

    MetricsAccess(@ConfigProperty(name = "referral.metrics.token") Optional<String> token,
                  @ConfigProperty(name = ReferralApplication.EMBEDDED_DATABASE, defaultValue = "false")
                  boolean embeddedDatabase,
                  ObjectMapper json) {
        Optional<String> configured = token.map(String::strip).filter(value -> !value.isEmpty());
        if (configured.isPresent() && configured.get().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("REFERRAL_METRICS_TOKEN must have at least " + MIN_TOKEN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        this.tokenDigest = configured.map(MetricsAccess::sha256);
        this.json = json;
        if (configured.isPresent()) {
            LOG.info("/q/metrics answers only requests with the bearer token of REFERRAL_METRICS_TOKEN");
        } else if (!embeddedDatabase) {
            LOG.warn("/q/metrics is public: set REFERRAL_METRICS_TOKEN to require a bearer token (production)");
        }
    }

    void install(@Observes Router router) {
        if (tokenDigest.isPresent()) {
            router.routeWithRegex("/q/metrics(/.*)?").order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        if (authorized(context.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            context.next();
            return;
        }
        RouteProblems.answer(context, json, UNAUTHORIZED, "unauthorized",
                "The metrics need the bearer token configured for them.",
                response -> response.putHeader("WWW-Authenticate", "Bearer realm=\"metrics\""));
    }

    /** Compares digests in constant time, so neither the token's content nor its length leaks through timing. */
    boolean authorized(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).strip());
        return MessageDigest.isEqual(presented, tokenDigest.orElseThrow());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
