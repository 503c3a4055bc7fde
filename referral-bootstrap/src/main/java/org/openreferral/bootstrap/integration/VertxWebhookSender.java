package org.openreferral.bootstrap.integration;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openreferral.application.integration.port.out.WebhookSender;
import org.openreferral.domain.model.webhook.WebhookUrl;

/**
 * Sends deliveries with a Vert.x HTTP client of the Quarkus-managed Vert.x: a bounded connection pool per receiver,
 * connect timeout 5 s, response timeout 10 s
 * (settings). The connection goes to the address the SSRF guard checked
 * ({@link RequestOptions#setServer}), while the Host header, TLS SNI and certificate check use the URL's host, so a
 * second DNS answer (rebinding) can never redirect it. Redirects are not followed.
 */
@ApplicationScoped
public class VertxWebhookSender implements WebhookSender {

    private final HttpClient client;
    private final int connectTimeoutMs;
    private final int responseTimeoutMs;

    VertxWebhookSender(Vertx vertx, WebhookSettings settings) {
        this.connectTimeoutMs = (int) settings.connectTimeout().toMillis();
        this.responseTimeoutMs = (int) settings.responseTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(connectTimeoutMs)
                .setMaxPoolSize(settings.concurrency())
                .setKeepAlive(true)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxRedirects(0));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public SendResult send(WebhookRequest request) {
        WebhookUrl url = request.url();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(url.port(), request.address().getHostAddress()))
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.https())
                .setURI(url.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeoutMs)
                .setIdleTimeout(responseTimeoutMs)
                .putHeader("user-agent", "openreferral-webhooks/1");
        request.headers().forEach(options::putHeader);
        long start = System.nanoTime();
        try {
            int status = client.request(options)
                    .compose(outgoing -> outgoing.send(Buffer.buffer(request.body())))
                    .compose(response -> {
                        response.handler(ignored -> { });
                        return response.end().map(done -> response.statusCode());
                    })
                    .toCompletionStage().toCompletableFuture()
                    .get(connectTimeoutMs + responseTimeoutMs + 1_000L, TimeUnit.MILLISECONDS);
            return SendResult.answered(status, since(start));
        } catch (TimeoutException e) {
            return SendResult.failed("timed out", since(start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return SendResult.failed(cause.getClass().getSimpleName() + ": " + cause.getMessage(), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed("interrupted", since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
