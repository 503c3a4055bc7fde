package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;

/**
 * Instances that share Redis share the deny-list and every counter. "Another instance" is played by
 * writing to Redis what that instance's adapters write: the keys below are the contract between instances.
 */
@QuarkusTest
@TestProfile(AccountSecurityWithRedisProfile.class)
class RedisSharedStateTest extends SecurityTestBase {

    @Inject
    Instance<RedisDataSource> redisDataSource;

    @ConfigProperty(name = "referral.cache.key-secret")
    String keySecret;

    @Test
    void aLogoutHereIsStoredInRedisForAsLongAsTheTokenWouldLive() {
        Session alice = Accounts.newSession();
        var claims = TestTokens.claimsOf(alice.accessToken());

        Accounts.logout(alice.accessToken()).statusCode(204);

        long tokenTtl = redis().key().pttl("referral:denied:jti:" + claims.get("jti"));
        long sessionTtl = redis().key().pttl("referral:denied:sid:" + claims.get("sid"));
        assertThat(tokenTtl).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(16).toMillis());
        assertThat(sessionTtl).isBetween(Duration.ofMinutes(14).toMillis(), Duration.ofMinutes(16).toMillis());
    }

    @Test
    void aLogoutOnAnotherInstanceIsHonouredHere() {
        Session alice = Accounts.newSession();
        Accounts.me(alice.accessToken()).statusCode(200);

        redis().value(String.class).psetex("referral:denied:jti:" + TestTokens.claimsOf(alice.accessToken()).get("jti"),
                60_000, "1");

        Accounts.me(alice.accessToken()).statusCode(401).body("code", equalTo("token-revoked"));
    }

    @Test
    void requestsCountedByAnotherInstanceSpendTheSameBudget() {
        lookup().statusCode(404);

        // The other instance served the rest of this client's lookups.
        redis().hash(String.class).hincrby(counterKey("rate:code-lookup:" + clientAddress), "n",
                AccountSecurityProfile.LOOKUP_BUDGET - 1);

        lookup().statusCode(429).body("code", equalTo("rate-limited"));
    }

    private String counterKey(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "referral:attempts:{" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(key.getBytes(StandardCharsets.UTF_8))) + "}";
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.ValidatableResponse lookup() {
        return given().queryParam("email", "nobody@example.com").get("/api/v1/referral-codes/lookup").then();
    }

    private RedisDataSource redis() {
        return redisDataSource.get();
    }
}
