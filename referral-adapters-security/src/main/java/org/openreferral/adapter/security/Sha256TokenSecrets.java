package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.openreferral.application.account.port.out.TokenSecrets;

/**
 * Adapter: opaque token secrets of 256 bits from {@link SecureRandom}, base64url without padding (43
 * characters), stored as their SHA-256 digest in hex. A fast digest suffices: unlike a password, a
 * 256-bit random secret cannot be guessed from its digest, so no salt or slow hash is needed.
 */
@ApplicationScoped
public class Sha256TokenSecrets implements TokenSecrets {

    static final int SECRET_BYTES = 32;

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    @Override
    public Secret newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String value = BASE64URL.encodeToString(bytes);
        return new Secret(value, digestOf(value));
    }

    @Override
    public String digestOf(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
