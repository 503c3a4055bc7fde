package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreferral.application.account.port.out.TokenIssuer.AccessToken;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.PasswordHash;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;
import org.openreferral.domain.model.user.Username;

class JwtTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void anIssuedTokenIsAnEs256JwtWhoseSignatureTheSigningPublicKeyVerifies() throws Exception {
        SigningKeys keys = keys();
        AccessToken token = issuer(keys, TestJwtConfig.defaults()).issue(user(Set.of(Role.USER)), SessionId.newId());

        String[] parts = token.value().split("\\.");
        assertThat(parts).hasSize(3);
        JsonObject header = json(parts[0]);
        assertThat(header.getString("alg")).isEqualTo("ES256");
        assertThat(header.getString("typ")).isEqualTo("at+jwt");
        assertThat(header.getString("kid")).isEqualTo(keys.keyId());

        // JOSE carries the ECDSA signature as R||S; the P1363 variant of the JDK verifier reads that form directly.
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(keys.publicKey());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertThat(signature).hasSize(64);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void aClientsTokenNamesTheClientItsGroupAndItsScopesButNoSession() {
        ClientId client = ClientId.newId();

        AccessToken token = issuer(keys(), TestJwtConfig.defaults())
                .issueForClient(client, EnumSet.of(Scope.REFERRALS_WRITE, Scope.REFERRALS_READ));

        JsonObject claims = json(token.value().split("\\.")[1]);
        assertThat(claims.getString("sub")).isEqualTo(client.toString());
        assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString)).containsExactly("client");
        assertThat(claims.getString("scope")).isEqualTo("referrals:read referrals:write");
        assertThat(claims.getString("jti")).isEqualTo(token.id());
        assertThat(claims.getString("upn")).isEqualTo("client:" + client);
        assertThat(claims.containsKey("sid")).isFalse();
    }

    @Test
    void anIssuedTokenCarriesTheUserAndTheConfiguredIssuerAudienceAndLifetime() {
        TestJwtConfig config = TestJwtConfig.defaults().withIssuer("https://referrals.example")
                .withAudience("referral-api-test").withLifetime(Duration.ofMinutes(10));
        User user = user(EnumSet.of(Role.USER, Role.ADMIN));

        SessionId session = SessionId.newId();
        AccessToken token = issuer(keys(), config).issue(user, session);

        JsonObject claims = json(token.value().split("\\.")[1]);
        assertThat(claims.getString("iss")).isEqualTo("https://referrals.example");
        assertThat(audience(claims)).isEqualTo("referral-api-test");
        assertThat(claims.getString("sub")).isEqualTo(user.id().toString());
        assertThat(claims.getString("upn")).isEqualTo("jane.doe");
        assertThat(claims.getJsonArray("groups").getValuesAs(JsonString::getString)).containsExactly("user", "admin");
        assertThat(claims.getJsonNumber("iat").longValueExact()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValueExact() - claims.getJsonNumber("iat").longValueExact())
                .isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(claims.getString("jti")).isEqualTo(token.id());
        assertThat(claims.getString("sid")).isEqualTo(session.value().toString());
        assertThat(token.lifetime()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void everyTokenHasItsOwnId() {
        JwtTokenIssuer issuer = issuer(keys(), TestJwtConfig.defaults());
        User user = user(Set.of(Role.USER));

        AccessToken first = issuer.issue(user, SessionId.newId());
        AccessToken second = issuer.issue(user, SessionId.newId());

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(json(first.value().split("\\.")[1]).getString("jti")).isEqualTo(first.id());
    }

    @Test
    void theTokenValueIsNotPrinted() {
        AccessToken token = issuer(keys(), TestJwtConfig.defaults()).issue(user(Set.of(Role.USER)), SessionId.newId());

        assertThat(token.toString()).doesNotContain(token.value());
    }

    private SigningKeys keys() {
        return new SigningKeys(Optional.empty(), Optional.empty(), dataDir);
    }

    private static JwtTokenIssuer issuer(SigningKeys keys, JwtConfig config) {
        return new JwtTokenIssuer(keys, config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static User user(Set<Role> roles) {
        return User.register(UserId.newId(), new Username("jane.doe"), new Email("jane@example.com"), null,
                new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHRzYWx0$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                roles, null, NOW.minusSeconds(3600));
    }

    private static JsonObject json(String base64url) {
        String text = new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String audience(JsonObject claims) {
        return switch (claims.get("aud").getValueType()) {
            case STRING -> claims.getString("aud");
            case ARRAY -> claims.getJsonArray("aud").getString(0);
            default -> throw new AssertionError("aud is neither a string nor an array: " + claims.get("aud"));
        };
    }
}
