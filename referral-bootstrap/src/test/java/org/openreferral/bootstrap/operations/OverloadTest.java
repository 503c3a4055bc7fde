package org.openreferral.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The contract's "Overload": beyond the configured concurrency, 503 {@code overloaded} with Retry-After, at once. */
@QuarkusTest
@TestProfile(OverloadTest.TwoAtATime.class)
class OverloadTest {

    private static final int LIMIT = 2;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static class TwoAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("referral.http.max-concurrent-requests", Integer.toString(LIMIT),
                    "referral.http.overload-retry-after", "PT3S");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void letGo() {
        HeldRequestResource.release.countDown();
    }

    @Test
    void oneRequestBeyondTheLimitIsRefusedAtOnceAndTheProbesStillAnswer() throws Exception {
        HeldRequestResource.release = new CountDownLatch(1);
        HeldRequestResource.ENTERED.drainPermits();
        List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            held.add(CLIENT.sendAsync(get("test-support/held"), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(HeldRequestResource.ENTERED.tryAcquire(LIMIT, 20, TimeUnit.SECONDS))
                .as("both held requests are in").isTrue();

        long started = System.nanoTime();
        HttpResponse<String> refused = send("api/v1/referral-codes/lookup?email=anyone@example.com");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(refused.body()).contains("\"code\":\"overloaded\"");
        assertThat(millis).as("refused at once, not after a wait").isLessThan(5_000);
        assertThat(send("q/health/ready").statusCode()).as("readiness while overloaded").isEqualTo(200);

        HeldRequestResource.release.countDown();
        for (CompletableFuture<HttpResponse<String>> request : held) {
            HttpResponse<String> answer = request.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("released");
        }
        assertThat(send("api/v1/referral-codes/lookup?email=anyone@example.com").statusCode())
                .as("admitted again once the held requests are answered").isEqualTo(404);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return CLIENT.send(get(path), HttpResponse.BodyHandlers.ofString());
    }
}
