package org.openreferral.bootstrap.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds access tokens by hand, with the app's own signing key (the PEM the app generated into its data
 * directory), so that a test can change exactly one thing about an otherwise valid token.
 */
final class TestTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private final PrivateKey privateKey;
    private final byte[] publicKeyBytes;
    private final String keyId;

    TestTokens(Path dataDir, byte[] publicKeyBytes, String keyId) {
        this.privateKey = readPrivateKey(dataDir.resolve("keys").resolve("jwt-private.pem"));
        this.publicKeyBytes = publicKeyBytes;
        this.keyId = keyId;
    }

    /** The claims of a valid token for {@code subject}, as the app would issue it now. */
    static Map<String, Object> validClaims(String subject) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "openreferral");
        claims.put("aud", "referral-api");
        claims.put("sub", subject);
        claims.put("upn", "crafted");
        claims.put("groups", List.of("user"));
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** The claims with some replaced. */
    static Map<String, Object> with(Map<String, Object> claims, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(claims);
        changed.put(name, value);
        return changed;
    }

    /** An ES256 access token ({@code typ: at+jwt}, as the app issues them) signed with the app's key. */
    String es256(Map<String, Object> claims) {
        return es256(Map.of("alg", "ES256", "typ", "at+jwt", "kid", keyId), claims);
    }

    /** An ES256 token with this header, signed with the app's key. */
    String es256(Map<String, Object> header, Map<String, Object> claims) {
        String input = encode(header) + "." + encode(claims);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(privateKey);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token: {@code alg: none} and an empty signature. */
    static String unsigned(Map<String, Object> claims) {
        return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(claims) + ".";
    }

    /** An HS256 token whose HMAC key is the app's public key: the classic algorithm-confusion forgery. */
    String hs256WithPublicKey(Map<String, Object> claims) {
        String input = encode(Map.of("alg", "HS256", "typ", "JWT")) + "." + encode(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKeyBytes, "HmacSHA256"));
            return input + "." + B64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token's claims, decoded without any check. */
    static Map<String, Object> headerOf(String token) {
        try {
            return JSON.readValue(B64URL_DECODER.decode(token.split("\\.")[0]), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> claimsOf(String token) {
        try {
            return JSON.readValue(B64URL_DECODER.decode(token.split("\\.")[1]), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same token with other claims, its header and signature kept as they were. */
    static String withPayload(String token, Map<String, Object> claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(claims) + "." + parts[2];
    }

    private static String encode(Map<String, Object> json) {
        try {
            return B64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) {
        try {
            String base64 = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
