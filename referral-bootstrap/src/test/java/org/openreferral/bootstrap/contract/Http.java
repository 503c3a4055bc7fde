package org.openreferral.bootstrap.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Sends exactly the bytes a test means (no client-side "help" with charsets or encoding) and reads the answer. */
final class Http {

    /** What was sent, for failure messages. */
    record Sent(String method, String target, Map<String, String> headers, String body) {

        @Override
        public String toString() {
            return method + " " + target + " " + headers + (body == null ? "" : " body=" + abbreviate(body));
        }
    }

    /** What came back; header names are case-insensitive. */
    record Received(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + abbreviate(body);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** {@code target} is the already percent-encoded path and query. */
    static Received send(URI base, Sent request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        request.headers().forEach(builder::header);
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(response.headers().map());
            String body = response.body() == null || response.body().isEmpty() ? null : response.body();
            return new Received(response.statusCode(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? String.valueOf(text) : text.substring(0, 300) + "...";
    }
}
