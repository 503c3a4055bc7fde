package org.openreferral.bootstrap.reliability;

import static org.openreferral.bootstrap.support.Api.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain JDK HTTP client for load and fault tests: thread-safe, with a client-side deadline, so that a
 * hanging request shows up as {@link Reply#TIMED_OUT} instead of hanging the test.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final Duration deadline;

    /** A client of the app at {@code base} (e.g. a {@code @TestHTTPResource("/")} URL). */
    Http(URL base, Duration deadline) {
        this(base.toString(), deadline);
    }

    Http(String base, Duration deadline) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.deadline = deadline;
    }

    /** One answer; status {@link Reply#TIMED_OUT} when none came before the deadline, {@link Reply#FAILED} on I/O errors. */
    record Reply(int status, String body, String contentType, String retryAfter, long startedNanos, long millis) {
        static final int TIMED_OUT = -1;
        static final int FAILED = -2;

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        boolean isProblem(int expectedStatus, String code) {
            return status == expectedStatus && contentType != null && contentType.startsWith("application/problem+json")
                    && code.equals(text("code"));
        }

        @Override
        public String toString() {
            return status + " in " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    Reply post(String path, String token, Object body) {
        return post(path, token, body, Map.of());
    }

    /** A JSON POST with extra headers (e.g. {@code Idempotency-Key}). */
    Reply post(String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(builder::header);
            return send(builder);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Reply postRaw(String path, String contentType, byte[] body) {
        return send(request(path, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A token by the password grant, or null when the answer was not 200. */
    String token(String login, String password) {
        Reply reply = passwordGrant(login, password);
        return reply.status() == 200 ? reply.text("access_token") : null;
    }

    Reply passwordGrant(String login, String password) {
        return send(request("/api/v1/auth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + login + "&password="
                        + password.replace(" ", "+"))));
    }

    Reply refreshGrant(String refreshToken) {
        return send(request("/api/v1/auth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8))));
    }

    static Map<String, Object> registration(String username, String code) {
        return code == null
                ? Map.of("username", username, "email", username + "@example.com", "password", PASSWORD)
                : Map.of("username", username, "email", username + "@example.com", "password", PASSWORD,
                        "referralCode", code);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(deadline);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    started, elapsedMillis(started));
        } catch (HttpTimeoutException e) {
            return new Reply(Reply.TIMED_OUT, "no answer before the client deadline", null, null, started,
                    elapsedMillis(started));
        } catch (IOException e) {
            return new Reply(Reply.FAILED, String.valueOf(e), null, null, started, elapsedMillis(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(Reply.FAILED, "interrupted", null, null, started, elapsedMillis(started));
        }
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
