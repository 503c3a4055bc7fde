package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.http.BodySizeLimit;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;

/**
 * What one client can make the service hold is bounded: request bodies above the configured size are
 * refused with 413 before they are read, pages above 100 items with 400, and thousands of idle, slow-header
 * or slow-body connections cost no worker thread, so everybody else is still answered at once.
 */
@QuarkusTest
class ResourceLimitsTest {

    private static final Logger LOG = Logger.getLogger(ResourceLimitsTest.class);
    private static final int MAX_PAGE_SIZE = 100;

    @TestHTTPResource("/")
    URL app;

    @Inject
    Database database;

    @Inject
    BodySizeLimit bodySizeLimit;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(app, Duration.ofSeconds(30));
    }

    @Test
    void bodiesAboveTheLimitAre413AndJustBelowItAreRead() throws Exception {
        int limit = maxBodyBytes();
        assertThat(limit).as("referral.http.max-body-size").isEqualTo(64 * 1024);

        Reply justBelow = http.postRaw("/api/v1/auth/register", "application/json", jsonOfSize(limit - 100));
        assertThat(justBelow.status()).as("read and refused as malformed: " + justBelow).isEqualTo(400);
        assertThat(justBelow.contentType()).startsWith("application/problem+json");

        assertThat(http.postRaw("/api/v1/auth/register", "application/json", jsonOfSize(limit + 1)).status())
                .as("declared too large (Content-Length)").isEqualTo(413);
        assertThat(http.postRaw("/api/v1/auth/token", "application/x-www-form-urlencoded", jsonOfSize(limit + 1))
                .status()).as("a form declared too large").isEqualTo(413);
        assertThat(chunked("/api/v1/auth/register", 4 * limit).statusCode()).as("too large, chunked").isEqualTo(413);
    }

    @Test
    void aTooLargeBodyIsAnsweredWithAProblem() throws Exception {
        int limit = maxBodyBytes();
        Reply declared = http.postRaw("/api/v1/auth/register", "application/json", jsonOfSize(limit + 1));
        assertThat(declared.isProblem(413, "payload-too-large")).as(declared.toString()).isTrue();
        Reply form = http.postRaw("/api/v1/auth/token", "application/x-www-form-urlencoded", jsonOfSize(limit + 1));
        assertThat(form.isProblem(413, "payload-too-large")).as(form.toString()).isTrue();
        HttpResponse<String> chunked = chunked("/api/v1/auth/register", 4 * limit);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    // Found by NoServerErrorPropertyTest (seed -8768936079283935879): a form body whose %-escape does not decode.
    @Test
    void aFormBodyThatDoesNotDecodeIsAMalformedRequestNotAServerError() throws Exception {
        Reply reply = http.postRaw("/api/v1/auth/token", "application/x-www-form-urlencoded",
                "grant_type=password&username=%zz&password=x%".getBytes(StandardCharsets.US_ASCII));

        assertThat(reply.isProblem(400, "malformed-request")).as(reply.toString()).isTrue();
    }

    // Without a Content-Length the limit must apply while the body is read.
    private HttpResponse<String> chunked(String path, int size) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(app + path.substring(1)))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOfSize(size))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAbove100AreRefusedOnEveryPagedEndpoint() {
        String username = Api.unique("pager");
        Reply registered = http.post("/api/v1/auth/register", null, Http.registration(username, null));
        assertThat(registered.status()).isEqualTo(201);
        String token = http.token(username, Api.PASSWORD);
        String code = http.post("/api/v1/referral-codes", token,
                Map.of("expiresAt", Instant.now().plus(5, ChronoUnit.DAYS).toString())).text("code");
        // The admin's list of users is paged as well: this user becomes an admin, and signs in again.
        database.number("with changed as (update users set roles = 'admin,user' where username = ? returning 1)"
                + " select count(*) from changed", username);
        String adminToken = http.token(username, Api.PASSWORD);
        List<String> pagedEndpoints = List.of(
                "/api/v1/users",
                "/api/v1/referral-codes",
                "/api/v1/users/me/referrals",
                "/api/v1/users/" + registered.text("id") + "/referrals",
                "/api/v1/referral-codes/" + code + "/referrals",
                "/api/v1/users/me/rewards");
        for (String endpoint : pagedEndpoints) {
            assertThat(http.get(endpoint + "?size=" + MAX_PAGE_SIZE, adminToken).status()).as(endpoint).isEqualTo(200);
            for (String size : List.of(String.valueOf(MAX_PAGE_SIZE + 1), "1000000", "99999999999")) {
                Reply tooLarge = http.get(endpoint + "?size=" + size, adminToken);
                assertThat(tooLarge.isProblem(400, "validation-failed")).as(endpoint + "?size=" + size + ": " + tooLarge)
                        .isTrue();
                assertThat(tooLarge.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
            }
        }
    }

    @Test
    void thousandsOfIdleAndSlowHeaderConnectionsDoNotStarveOtherClients() throws Exception {
        // Half of them connected without a byte, half sending headers that never end.
        underSiege(requireSockets(2000), i -> i % 2 == 0 ? "" : "GET /q/health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    }

    @Test
    void hundredsOfSlowRequestBodiesDoNotHoldTheWorkerThreads() throws Exception {
        // More than the worker pool has threads, each promising a body it never finishes sending.
        underSiege(requireSockets(600), i -> "POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Length: 2000\r\n\r\n{\"username\":");
    }

    /**
     * Opens {@code count} connections that each send {@code opening.apply(i)} and then trickle a byte now and
     * then, as slowloris does; meanwhile 8 clients make 200 ordinary requests, which must all answer quickly.
     */
    private void underSiege(int count, IntFunction<String> opening) throws Exception {
        LOG.infof("opening %d slow connections", count);
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", app.getPort());
        String username = Api.unique("busy");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status()).isEqualTo(201);
        String token = http.token(username, Api.PASSWORD);
        List<Long> before = timings(token, 20);

        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Socket socket = new Socket();
                socket.connect(target, 5000);
                open.add(socket);
                socket.getOutputStream().write(opening.apply(i).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            ExecutorService normal = Executors.newFixedThreadPool(8);
            List<Future<List<Long>>> during = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                during.add(normal.submit(() -> timings(token, 25)));
            }
            for (int round = 0; round < 3; round++) {
                Thread.sleep(500);
                for (int i = 1; i < open.size(); i += 2) {
                    try {
                        open.get(i).getOutputStream().write('a');
                    } catch (IOException closedByServer) {
                        // the server may drop a slow client; that is allowed
                    }
                }
            }
            List<Long> underSiege = new ArrayList<>();
            for (Future<List<Long>> future : during) {
                underSiege.addAll(future.get(90, TimeUnit.SECONDS));
            }
            normal.shutdown();
            LOG.infof("normal requests before: p50 %d ms, max %d ms; with %d slow connections open: %d requests,"
                            + " p50 %d ms, p99 %d ms, max %d ms", percentile(before, 50), percentile(before, 100),
                    count, underSiege.size(), percentile(underSiege, 50), percentile(underSiege, 99),
                    percentile(underSiege, 100));
            assertThat(underSiege).hasSize(200);
            assertThat(percentile(underSiege, 99)).as("p99 ms with the slow connections open").isLessThan(2000);
        } finally {
            for (Socket socket : open) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        assertThat(percentile(timings(token, 20), 100)).as("max ms after they are gone").isLessThan(2000);
    }

    /** Milliseconds of {@code count} reads, lookups and (JSON body) code creations; every one must succeed. */
    private List<Long> timings(String token, int count) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = switch (i % 3) {
                case 0 -> http.get("/api/v1/users/me", token);
                case 1 -> http.get("/api/v1/referral-codes/lookup?email=nobody" + i + "@example.com", null);
                default -> http.post("/api/v1/referral-codes", token, Map.of("expiresAt", "yesterday"));
            };
            assertThat(reply.status()).as(reply.toString()).isIn(200, 400, 404);
            millis.add(reply.millis());
        }
        return millis;
    }

    private static long percentile(List<Long> values, int percentile) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /**
     * The siege's size, or the test is skipped, saying why: a smaller siege would prove less than the test's name
     * claims. Client and server share this JVM's descriptor table, so each socket costs two, plus 1,000 spare.
     */
    private static int requireSockets(int wanted) {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            long spare = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 1000;
            assumeTrue(spare / 2 >= wanted, () -> "SKIPPED: " + wanted + " slow connections need " + (2L * wanted + 1000)
                    + " free file descriptors, this JVM has " + (spare + 1000) + " (limit "
                    + os.getMaxFileDescriptorCount() + "); raise it with ulimit -n");
        }
        return wanted;
    }

    private int maxBodyBytes() {
        return (int) bodySizeLimit.maxBodyBytes();
    }

    // A syntactically broken JSON document of exactly {@code size} bytes: below the limit it is read (and
    // refused as malformed), above it it must never be.
    private static byte[] jsonOfSize(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'a');
        byte[] start = "{\"username\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }
}
