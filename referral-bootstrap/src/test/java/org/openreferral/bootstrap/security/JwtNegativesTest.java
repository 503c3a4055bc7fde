package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.openreferral.bootstrap.security.TestTokens.validClaims;
import static org.openreferral.bootstrap.security.TestTokens.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.adapter.security.SigningKeys;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.TestClockProducer;

/**
 * Access tokens that must be refused, each with a control: the same construction with the one flaw
 * removed is accepted, so every 401 below is for the reason its test names.
 */
@QuarkusTest
class JwtNegativesTest extends SecurityTestBase {

    @Inject
    SigningKeys keys;

    @ConfigProperty(name = "referral.data-dir")
    String dataDir;

    private TestTokens tokens;
    private Session alice;

    @BeforeEach
    void aliceAndTheAppsKey() {
        tokens = new TestTokens(Path.of(dataDir), keys.publicKey().getEncoded(), keys.keyId());
        alice = Accounts.newSession();
    }

    @Test
    void theHandMadeControlTokenIsAccepted() {
        Accounts.me(tokens.es256(validClaims(alice.userId()))).statusCode(200)
                .body("username", equalTo(alice.username()));
    }

    @Test
    void theAppIssuesAccessTokensTypedAtJwt() {
        assertThat(TestTokens.headerOf(alice.accessToken())).containsEntry("typ", "at+jwt");
    }

    @Test
    void aTokenSignedWithTheRealKeyButOfAnotherTypeIsRefused() {
        Map<String, Object> claims = validClaims(alice.userId());

        unauthorized(tokens.es256(Map.of("alg", "ES256", "typ", "JWT", "kid", keys.keyId()), claims));
        unauthorized(tokens.es256(Map.of("alg", "ES256", "typ", "id_token+jwt", "kid", keys.keyId()), claims));
        unauthorized(tokens.es256(Map.of("alg", "ES256", "kid", keys.keyId()), claims));
        // The control: the same claims and key with the access-token type (any case, short or full media type).
        Accounts.me(tokens.es256(Map.of("alg", "ES256", "typ", "AT+JWT", "kid", keys.keyId()), claims))
                .statusCode(200);
        Accounts.me(tokens.es256(Map.of("alg", "ES256", "typ", "application/at+jwt", "kid", keys.keyId()), claims))
                .statusCode(200);
    }

    @Test
    void algNoneIsRefused() {
        unauthorized(TestTokens.unsigned(validClaims(alice.userId())));
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() {
        unauthorized(tokens.hs256WithPublicKey(validClaims(alice.userId())));
    }

    @Test
    void aPayloadTamperedFromUserToAdminIsRefused() {
        given().auth().oauth2(alice.accessToken()).get("/api/v1/users").then().statusCode(403)
                .body("code", equalTo("forbidden"));
        Map<String, Object> claims = TestTokens.claimsOf(alice.accessToken());
        String promoted = TestTokens.withPayload(alice.accessToken(), with(claims, "groups", List.of("user", "admin")));

        given().auth().oauth2(promoted).get("/api/v1/users").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        unauthorized(promoted);
        // Re-encoding the untouched claims keeps the token valid: only the changed groups broke it.
        Accounts.me(TestTokens.withPayload(alice.accessToken(), claims)).statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> expired = with(with(validClaims(alice.userId()), "iat", now - 3600), "exp", now - 600);

        unauthorized(tokens.es256(expired));
        Accounts.me(tokens.es256(with(expired, "exp", now + 600))).statusCode(200);
    }

    @Test
    void aTokenIssuedByTheAppAnHourAgoHasExpired() {
        TestClockProducer.CLOCK.advance(Duration.ofHours(-1));
        String anHourOld = Accounts.login(alice.username(), Api.PASSWORD).accessToken();
        TestClockProducer.CLOCK.reset();

        unauthorized(anHourOld);
        Accounts.me(Accounts.login(alice.username(), Api.PASSWORD).accessToken()).statusCode(200);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        unauthorized(tokens.es256(with(validClaims(alice.userId()), "iss", "someone-else")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        unauthorized(tokens.es256(with(validClaims(alice.userId()), "aud", "another-api")));
    }

    @Test
    void aRefreshTokenIsNoAccessToken() {
        unauthorized(alice.refreshToken());
        Accounts.me(alice.accessToken()).statusCode(200);
    }

    @Test
    void aTokenIsRefusedAfterLogout() {
        Accounts.me(alice.accessToken()).statusCode(200);

        Accounts.logout(alice.accessToken()).statusCode(204);

        revoked(alice.accessToken());
    }

    @Test
    void aValidlySignedTokenOfAnUnknownSubjectIsRefused() {
        revoked(tokens.es256(validClaims(UUID.randomUUID().toString())));
    }

    @Test
    void aTokenWhoseSubjectIsNoUserIdIsRefused() {
        unauthorized(tokens.es256(validClaims("not-a-uuid")));
    }

    private static ValidatableResponse unauthorized(String token) {
        return Accounts.me(token).statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                .body("code", equalTo("unauthorized"));
    }

    private static ValidatableResponse revoked(String token) {
        return Accounts.me(token).statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("token-revoked"));
    }
}
