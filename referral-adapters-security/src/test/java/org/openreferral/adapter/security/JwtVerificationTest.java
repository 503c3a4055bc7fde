package org.openreferral.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;

/** Runs tokens through SmallRye JWT's own parser with the settings the producer hands to Quarkus. */
class JwtVerificationTest {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    @TempDir
    Path dataDir;

    @Test
    void aFreshlyIssuedTokenIsAcceptedWithItsSubjectNameAndGroups() throws Exception {
        SigningKeys keys = keys(dataDir);
        User user = JwtTokenIssuerTest.user(Set.of(Role.USER, Role.ADMIN));
        String token = issue(keys, TestJwtConfig.defaults(), Clock.systemUTC(), user);

        JsonWebToken jwt = parser(keys, TestJwtConfig.defaults()).parse(token);

        assertThat(jwt.getSubject()).isEqualTo(user.id().toString());
        assertThat(jwt.getName()).isEqualTo("jane.doe");
        assertThat(jwt.getGroups()).containsExactlyInAnyOrder("user", "admin");
        assertThat(jwt.getIssuer()).isEqualTo("openreferral");
        assertThat(jwt.getAudience()).containsExactly("referral-api");
        assertThat(jwt.getTokenID()).isNotBlank();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejected() {
        SigningKeys ours = keys(dataDir.resolve("ours"));
        SigningKeys theirs = keys(dataDir.resolve("theirs"));
        String forged = issue(theirs, TestJwtConfig.defaults(), Clock.systemUTC(), user());

        assertThat(reason(ours, forged)).contains("Invalid JWS Signature");
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        SigningKeys keys = keys(dataDir);
        String token = issue(keys, TestJwtConfig.defaults().withAudience("another-api"), Clock.systemUTC(), user());

        assertThat(reason(keys, token)).contains("Audience (aud) claim [another-api]");
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        SigningKeys keys = keys(dataDir);
        String token = issue(keys, TestJwtConfig.defaults().withIssuer("someone-else"), Clock.systemUTC(), user());

        assertThat(reason(keys, token)).contains("Issuer (iss) claim value (someone-else)");
    }

    @Test
    void anExpiredTokenIsRejected() {
        SigningKeys keys = keys(dataDir);
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String token = issue(keys, TestJwtConfig.defaults(), anHourAgo, user());

        assertThat(reason(keys, token)).contains("The JWT is no longer valid");
    }

    @Test
    void aTokenThatExpiredWithinTheClockSkewIsStillAccepted() throws Exception {
        SigningKeys keys = keys(dataDir);
        TestJwtConfig config = TestJwtConfig.defaults();
        Clock justExpired = Clock.fixed(Instant.now().minus(config.accessTokenLifetime()).minusSeconds(10),
                ZoneOffset.UTC);
        String token = issue(keys, config, justExpired, user());

        assertThat(parser(keys, config).parse(token).getExpirationTime())
                .isLessThan(Instant.now().getEpochSecond());
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRejected() {
        SigningKeys keys = keys(dataDir);
        String payload = validPayload(keys);
        String unsigned = encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

        assertThat(reason(keys, unsigned)).contains("'none' is not a permitted algorithm");
    }

    @Test
    void anHs256TokenKeyedWithThePublicKeyIsRejected() throws Exception {
        SigningKeys keys = keys(dataDir);
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + validPayload(keys);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.publicKey().getEncoded(), "HmacSHA256"));
        String forged = signingInput + "." + B64URL.encodeToString(
                mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));

        assertThat(reason(keys, forged)).contains("'HS256' is not a permitted algorithm");
    }

    @Test
    void aTokenWithoutExpiryIsRejected() throws Exception {
        SigningKeys keys = keys(dataDir);
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"openreferral\",\"aud\":\"referral-api\",\"sub\":\"someone\",\"upn\":\"someone\","
                + "\"groups\":[\"user\"],\"iat\":" + now + ",\"jti\":\"x\"}";
        String signingInput = encode("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + encode(claims);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys.privateKey());
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + B64URL.encodeToString(signer.sign());

        assertThat(reason(keys, token)).contains("No Expiration Time (exp) claim");
        // The same construction with an exp claim passes, so the rejection above is about exp alone.
        String withExp = claims.replace("\"jti\"", "\"exp\":" + (now + 60) + ",\"jti\"");
        String validInput = encode("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + encode(withExp);
        signer.initSign(keys.privateKey());
        signer.update(validInput.getBytes(StandardCharsets.US_ASCII));
        assertThat(parser(keys, TestJwtConfig.defaults())
                .parse(validInput + "." + B64URL.encodeToString(signer.sign())).getSubject()).isEqualTo("someone");
    }

    @Test
    void afterARotationTokensOfTheEarlierKeyStayValidWhileItIsListedAndNoOtherKeysAre() throws Exception {
        SigningKeys earlier = keys(dataDir.resolve("earlier"));
        Path earlierPublicKey = dataDir.resolve("earlier").resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE);
        SigningKeys rotated = new SigningKeys(Optional.empty(), Optional.empty(), dataDir.resolve("rotated"),
                List.of(earlierPublicKey));
        SigningKeys stranger = keys(dataDir.resolve("stranger"));
        User user = user();
        String fromEarlier = issue(earlier, TestJwtConfig.defaults(), Clock.systemUTC(), user);

        assertThat(parser(rotated, TestJwtConfig.defaults()).parse(fromEarlier).getSubject())
                .isEqualTo(user.id().toString());
        assertThat(parser(rotated, TestJwtConfig.defaults())
                .parse(issue(rotated, TestJwtConfig.defaults(), Clock.systemUTC(), user)).getSubject())
                .as("the new key's own tokens").isEqualTo(user.id().toString());
        assertThat(catchThrowable(() -> parser(keys(dataDir.resolve("rotated")), TestJwtConfig.defaults())
                .parse(fromEarlier))).as("once the earlier key is no longer listed").isInstanceOf(ParseException.class);
        assertThat(catchThrowable(() -> parser(rotated, TestJwtConfig.defaults())
                .parse(issue(stranger, TestJwtConfig.defaults(), Clock.systemUTC(), user()))))
                .as("a key never listed").isInstanceOf(ParseException.class);
    }

    @Test
    void aTokenNamingAListedKeyButSignedByAnotherIsRejected() {
        SigningKeys earlier = keys(dataDir.resolve("earlier"));
        SigningKeys rotated = new SigningKeys(Optional.empty(), Optional.empty(), dataDir.resolve("rotated"),
                List.of(dataDir.resolve("earlier").resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE)));
        String[] fromRotated = issue(rotated, TestJwtConfig.defaults(), Clock.systemUTC(), user()).split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(fromRotated[0]), StandardCharsets.UTF_8)
                .replace(rotated.keyId(), earlier.keyId());
        String relabelled = encode(header) + "." + fromRotated[1] + "." + fromRotated[2];

        assertThat(reason(rotated, relabelled)).contains("Invalid JWS Signature");
    }

    @Test
    void theVerifierOnlyPermitsEs256AndChecksIssuerAudienceAndSkew() {
        JWTAuthContextInfo info = JwtAuthContextProducer.contextInfo(keys(dataDir), TestJwtConfig.defaults());

        assertThat(info.getSignatureAlgorithm()).containsExactly(SignatureAlgorithm.ES256);
        assertThat(info.getIssuedBy()).isEqualTo("openreferral");
        assertThat(info.getExpectedAudience()).containsExactly("referral-api");
        assertThat(info.getClockSkew()).isEqualTo(30);
    }

    /** The messages of the exception chain, so each test can tell that the token fails for its own reason. */
    private static String reason(SigningKeys keys, String token) {
        Throwable thrown = catchThrowable(
                () -> parser(keys, TestJwtConfig.defaults()).parse(token));
        assertThat(thrown).isInstanceOf(ParseException.class);
        StringBuilder messages = new StringBuilder();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }

    private static SigningKeys keys(Path dir) {
        return new SigningKeys(Optional.empty(), Optional.empty(), dir);
    }

    private static DefaultJWTParser parser(SigningKeys keys, JwtConfig config) {
        return new DefaultJWTParser(JwtAuthContextProducer.contextInfo(keys, config));
    }

    private static String issue(SigningKeys keys, JwtConfig config, Clock clock, User user) {
        return new JwtTokenIssuer(keys, config, clock).issue(user, SessionId.newId()).value();
    }

    private static User user() {
        return JwtTokenIssuerTest.user(Set.of(Role.USER));
    }

    private static String validPayload(SigningKeys keys) {
        return issue(keys, TestJwtConfig.defaults(), Clock.systemUTC(), user()).split("\\.")[1];
    }

    private static String encode(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
