package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Redis, the shared cache, goes away (stopped, or frozen behind a partition): every endpoint still answers
 * without a 5xx and within a bounded time, lookups are answered correctly from PostgreSQL (a code revoked
 * meanwhile is never served), and once Redis is back the lookups are cached there again.
 */
@QuarkusTest
@TestProfile(RedisOutageTest.WithRedisBehindProxy.class)
class RedisOutageTest {

    private static final Logger LOG = Logger.getLogger(RedisOutageTest.class);
    // Each Redis call gives up after referral.cache.redis.timeout (200 ms); a request makes a few of them.
    private static final Duration SLOWEST_ALLOWED = Duration.ofSeconds(2);
    private static final String CODE_KEYS = "referral:code:{*";

    /**
     * Redis configured as the cache, behind a proxy that the test controls; rate limits on (their counters
     * live in Redis too) with budgets this test never exhausts.
     */
    public static class WithRedisBehindProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisBehindProxy.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "referral.rate-limit.enabled", "true",
                    "referral.rate-limit.register.requests", "1000",
                    "referral.rate-limit.token.requests", "1000",
                    "referral.rate-limit.password-reset.requests", "1000",
                    "referral.rate-limit.code-lookup.requests", "1000");
        }
    }

    @TestHTTPResource("/")
    URL app;

    @Inject
    Database database;

    private Http http;
    private final List<Reply> seen = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new Http(app, Duration.ofSeconds(30));
        seen.clear();
    }

    @AfterEach
    void redisBack() {
        RedisBehindProxy.startServer();
        RedisBehindProxy.proxy.forward();
    }

    @Test
    void withRedisStoppedEveryEndpointAnswersAndLookupsComeFromTheDatabase() {
        User referrer = newUserWithCode();
        assertThat(lookup(referrer).text("code")).isEqualTo(referrer.code);
        assertThat(RedisBehindProxy.keys(CODE_KEYS)).as("lookups are cached in Redis").isNotEmpty();
        assertThat(redisCheck(200)).as("Redis reported while it answers").isEqualTo("UP");

        RedisBehindProxy.stopServer();
        sweepEveryEndpoint(referrer, "stopped");
        RedisBehindProxy.startServer();

        assertCachingResumes();
    }

    @Test
    void withRedisFrozenEveryEndpointAnswersInTimeAndARevokedCodeIsNeverServed() {
        User referrer = newUserWithCode();
        assertThat(lookup(referrer).text("code")).isEqualTo(referrer.code);
        List<String> cached = RedisBehindProxy.keys(CODE_KEYS);
        assertThat(cached).isNotEmpty();
        assertThat(redisCheck(200)).as("Redis reported while it answers").isEqualTo("UP");

        RedisBehindProxy.proxy.blackhole();
        // Redis keeps the cached entry, but the revoke's eviction cannot reach it.
        sweepEveryEndpoint(referrer, "frozen");
        RedisBehindProxy.proxy.forward();

        assertThat(lookup(referrer).status()).as("the code revoked while Redis was frozen is not served after").isEqualTo(404);
        assertCachingResumes();
    }

    @Test
    void aLockoutMadeBeforeRedisStoppedHoldsWhileItIsAwayAndEndsOnTime() {
        String username = Api.unique("lockedout");
        assertThat(http.post("/api/v1/auth/register", null, Http.registration(username, null)).status())
                .isEqualTo(201);
        for (int i = 0; i < 6; i++) {
            assertThat(http.passwordGrant(username, "not the password").status()).isEqualTo(401);
        }
        try {
            RedisBehindProxy.stopServer();

            assertThat(http.passwordGrant(username, Api.PASSWORD).status()).as("still locked").isEqualTo(401);
            TestClockProducer.CLOCK.advance(Duration.ofMinutes(1));
            assertThat(http.passwordGrant(username, Api.PASSWORD).status()).as("the first lockout is over")
                    .isEqualTo(200);
        } finally {
            TestClockProducer.CLOCK.reset();
        }
    }

    /** Every endpoint once, with the referrer's code revoked in the middle; none may answer 5xx or slowly. */
    private void sweepEveryEndpoint(User referrer, String label) {
        seen.clear();
        long started = System.nanoTime();
        User other = newUserWithCode();
        assertThat(record(lookup(other)).text("code")).as("lookup from the database").isEqualTo(other.code);
        String newcomer = Api.unique("cachedown");
        Reply registered = record(http.post("/api/v1/auth/register/" + referrer.code, null,
                Http.registration(newcomer, null)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String newcomerId = registered.text("id");
        Reply grant = record(http.passwordGrant(newcomer, Api.PASSWORD));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
        String newcomerToken = grant.text("access_token");

        expect(200, http.get("/api/v1/users/me", newcomerToken));
        expect(200, http.get("/api/v1/users/" + newcomerId, newcomerToken));
        expect(200, http.get("/api/v1/users/me/referrals", referrer.token));
        expect(200, http.get("/api/v1/users/" + referrer.id + "/referrals", referrer.token));
        expect(200, http.get("/api/v1/users/me/referral-stats", referrer.token));
        expect(200, http.get("/api/v1/users/me/rewards", referrer.token));
        expect(403, http.get("/api/v1/users", referrer.token));
        expect(200, http.get("/api/v1/referral-codes", referrer.token));
        expect(200, http.get("/api/v1/referral-codes/active", referrer.token));
        expect(200, http.get("/api/v1/referral-codes/" + referrer.code + "/referrals", referrer.token));
        Reply created = record(http.post("/api/v1/referral-codes", newcomerToken,
                Map.of("expiresAt", Instant.now().plus(10, ChronoUnit.DAYS).toString())));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        User newcomerWithCode = new User(newcomerId, newcomer, newcomerToken, created.text("code"));
        assertThat(record(lookup(newcomerWithCode)).text("code")).isEqualTo(newcomerWithCode.code());

        assertThat(record(http.delete("/api/v1/referral-codes/" + referrer.code, referrer.token)).status()).isEqualTo(204);
        assertThat(record(lookup(referrer)).status()).as("a revoked code is not served").isEqualTo(404);
        assertThat(record(http.get("/api/v1/referral-codes/lookup?email=nobody-" + newcomer + "@example.com", null))
                .status()).isEqualTo(404);

        expect(202, http.post("/api/v1/auth/password-reset", null, Map.of("email", referrer.email())));
        expect(200, http.get("/q/health/live", null));
        assertThat(record(http.post("/api/v1/auth/logout", newcomerToken, Map.of())).status()).isEqualTo(204);
        assertThat(record(http.get("/api/v1/users/me", newcomerToken)).status())
                .as("a logged-out token is refused although Redis is away").isEqualTo(401);
        // Readiness stays UP: the service serves from its database; /q/health still names Redis as DOWN.
        Reply readiness = expect(200, http.get("/q/health/ready", null));
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(checkNames(readiness)).doesNotContain("Redis");
        assertThat(redisCheck(503)).isEqualTo("DOWN");
        LOG.infof("[%s] %d requests in %d ms, slowest %d ms", label, seen.size(),
                (System.nanoTime() - started) / 1_000_000, seen.stream().mapToLong(Reply::millis).max().orElse(0));

        assertThat(seen).as("answers that are 5xx, missing or slower than " + SLOWEST_ALLOWED)
                .filteredOn(reply -> reply.status() < 0 || reply.status() >= 500
                        || reply.millis() > SLOWEST_ALLOWED.toMillis())
                .isEmpty();
    }

    private void assertCachingResumes() {
        User fresh = newUserWithCode();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> before = RedisBehindProxy.keys(CODE_KEYS);
        while (RedisBehindProxy.keys(CODE_KEYS).size() <= before.size() && System.nanoTime() < deadline) {
            assertThat(lookup(fresh).status()).isEqualTo(200);
            pause(200);
        }
        assertThat(RedisBehindProxy.keys(CODE_KEYS).size()).as("a lookup is cached in Redis again")
                .isGreaterThan(before.size());
        // Proof that the answer now comes from Redis: the database says revoked, the cache still has the code.
        assertThat(database.number("with changed as (update referral_codes set status = 'REVOKED', revoked_at = now()"
                + " where lower(code) = lower(?) returning 1) select count(*) from changed", fresh.code)).isEqualTo(1);
        assertThat(lookup(fresh).text("code")).isEqualTo(fresh.code);
    }

    private Reply lookup(User user) {
        return http.get("/api/v1/referral-codes/lookup?email=" + user.email(), null);
    }

    private Reply record(Reply reply) {
        seen.add(reply);
        return reply;
    }

    private Reply expect(int status, Reply reply) {
        record(reply);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply;
    }

    /** The status of the Redis check in {@code /q/health}, which answers {@code expectedStatus}. */
    private String redisCheck(int expectedStatus) {
        // Not recorded: the 503 of /q/health while Redis is down is the expected answer, not a failure of the sweep.
        Reply health = http.get("/q/health", null);
        assertThat(health.status()).as(health.toString()).isEqualTo(expectedStatus);
        List<String> statuses = new ArrayList<>();
        health.json().get("checks").forEach(check -> {
            if (check.get("name").asText().equals("Redis")) {
                statuses.add(check.get("status").asText());
            }
        });
        assertThat(statuses).as(health.body()).hasSize(1);
        return statuses.get(0);
    }

    private static List<String> checkNames(Reply health) {
        List<String> names = new ArrayList<>();
        health.json().get("checks").forEach(check -> names.add(check.get("name").asText()));
        return names;
    }

    private User newUserWithCode() {
        String username = Api.unique("cache");
        Reply registered = record(http.post("/api/v1/auth/register", null, Http.registration(username, null)));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Reply grant = record(http.passwordGrant(username, Api.PASSWORD));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
        String token = grant.text("access_token");
        Reply code = record(http.post("/api/v1/referral-codes", token,
                Map.of("expiresAt", Instant.now().plus(10, ChronoUnit.DAYS).toString())));
        assertThat(code.status()).as(code.toString()).isEqualTo(201);
        return new User(registered.text("id"), username, token, code.text("code"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A registered user with a token and an active code. */
    record User(String id, String username, String token, String code) {
        String email() {
            return username + "@example.com";
        }
    }
}
