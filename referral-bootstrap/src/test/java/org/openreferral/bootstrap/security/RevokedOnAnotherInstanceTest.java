package org.openreferral.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.security.Accounts.Tokens;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Database;

/**
 * The in-process deny-list (no Redis) on several instances: a session another instance logged out (its commit made
 * here directly in the database) is refused on this one within the pull period, and other sessions carry on.
 */
@QuarkusTest
class RevokedOnAnotherInstanceTest extends SecurityTestBase {

    @Inject
    Database database;

    @Test
    void aSessionRevokedByAnotherInstanceIsRefusedHereWithinThePullPeriod() {
        Session alice = Accounts.newSession();
        Tokens alicesLaptop = Accounts.login(alice.username(), Api.PASSWORD);
        Accounts.me(alice.accessToken()).statusCode(200);

        assertThat(database.number("with changed as (update refresh_tokens"
                + " set status = 'REVOKED', revoked_at = now() where session_id = cast(? as uuid)"
                + " and status <> 'REVOKED' returning 1) select count(*) from changed", sessionOf(alice.accessToken())))
                .isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Accounts.me(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked")));
        Accounts.me(alicesLaptop.accessToken()).statusCode(200);
    }

    private static String sessionOf(String accessToken) {
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                    StandardCharsets.UTF_8)).get("sid").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
