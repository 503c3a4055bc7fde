package org.openreferral.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.reliability.Http.Reply;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;

/**
 * Revocation holds without Redis (ADR 0004, "Revocation fails open"): the revoked sessions in PostgreSQL are the
 * source of truth and Redis only a cache of them. A session revoked while Redis is away is refused, a live one still
 * works, a logout whose Redis write was lost is in Redis again once Redis answers, and with PostgreSQL away as well
 * the answer is 503, never an acceptance.
 */
@QuarkusTest
@TestProfile(RevocationWithoutRedisTest.WithRedisAndPostgresBehindProxies.class)
class RevocationWithoutRedisTest {

    /** Redis and PostgreSQL each behind a proxy the test controls. */
    public static class WithRedisAndPostgresBehindProxies implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisBehindProxy.class),
                    new TestResourceEntry(PostgresBehindProxy.class));
        }
    }

    @TestHTTPResource("/")
    URL app;

    @Inject
    Database database;

    private Http http;

    @BeforeEach
    void client() {
        http = new Http(app, Duration.ofSeconds(30));
    }

    @AfterEach
    void dependenciesBack() {
        PostgresBehindProxy.proxy.forward();
        RedisBehindProxy.startServer();
        RedisBehindProxy.proxy.forward();
    }

    @Test
    void aSessionRevokedElsewhereWhileRedisIsDownIsRefusedAndALiveSessionStillWorks() {
        String username = registered();
        String revoked = http.token(username, Api.PASSWORD);
        String live = http.token(username, Api.PASSWORD);
        assertThat(http.get("/api/v1/users/me", revoked).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/me", live).status()).isEqualTo(200);

        RedisBehindProxy.stopServer();
        // Another instance logs the session out: its transaction commits, its Redis write fails, and this instance
        // holds no local copy of the denial.
        assertThat(database.number("with changed as (update refresh_tokens set status = 'REVOKED',"
                + " revoked_at = now() where session_id = cast(? as uuid) and status <> 'REVOKED' returning 1)"
                + " select count(*) from changed", sessionOf(revoked))).isEqualTo(1);

        Reply refused = http.get("/api/v1/users/me", revoked);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("token-revoked");
        Reply accepted = http.get("/api/v1/users/me", live);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void aLogoutWhoseRedisWriteWasLostIsInRedisAgainOnceRedisAnswers() {
        String username = registered();
        String loggedOut = http.token(username, Api.PASSWORD);
        String live = http.token(username, Api.PASSWORD);
        assertThat(http.get("/api/v1/users/me", live).status()).isEqualTo(200);
        String deniedKey = "referral:denied:sid:" + sessionOf(loggedOut);

        // A partition: Redis keeps what it holds, but the logout's write never reaches it.
        RedisBehindProxy.proxy.blackhole();
        Reply logout = http.post("/api/v1/auth/logout", loggedOut, Map.of());
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        RedisBehindProxy.proxy.forward();
        assertThat(RedisBehindProxy.keys(deniedKey)).as("the write was lost").isEmpty();

        // The next requests find Redis answering but incomplete, ask PostgreSQL and push its revocations again.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/users/me", live).status()).isEqualTo(200);
            assertThat(RedisBehindProxy.keys(deniedKey)).as("every instance sees the logout again").hasSize(1);
        });
        Reply refused = http.get("/api/v1/users/me", loggedOut);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("token-revoked");
    }

    @Test
    void withRedisAndPostgresBothAwayATokenIsNeitherAcceptedNorCalledInvalid() {
        String username = registered();
        String token = http.token(username, Api.PASSWORD);
        // The subject is now known to exist: only the revocation check needs a dependency below.
        assertThat(http.get("/api/v1/users/me", token).status()).isEqualTo(200);

        RedisBehindProxy.stopServer();
        PostgresBehindProxy.proxy.refuse();

        Reply unavailable = http.get("/api/v1/users/me", token);
        assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
        assertThat(unavailable.text("code")).isEqualTo("service-unavailable");
        assertThat(unavailable.retryAfter()).isNotNull();
    }

    private String registered() {
        String username = Api.unique("revoke");
        Reply registered = http.post("/api/v1/auth/register", null, Http.registration(username, null));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return username;
    }

    private static String sessionOf(String accessToken) {
        try {
            JsonNode claims = Http.JSON.readTree(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                    StandardCharsets.UTF_8));
            return claims.get("sid").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
