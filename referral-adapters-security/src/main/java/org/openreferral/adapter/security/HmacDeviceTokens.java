package org.openreferral.adapter.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.application.account.port.out.DeviceTokens;
import org.openreferral.domain.model.user.UserId;

/**
 * Adapter: device tokens signed with HMAC-SHA256, OWASP's device cookie. A token is {@code payload.signature}, both
 * base64url: the payload holds the user id, the expiry (epoch seconds) and a 128-bit random device id. The HMAC key is
 * derived from the access-token signing key ({@link SigningKeys}), so every instance that verifies access tokens
 * shares it without another secret to distribute; a rotation of that key makes earlier device tokens count for
 * nothing (their holders are treated as any other client until their next login).
 */
@ApplicationScoped
public class HmacDeviceTokens implements DeviceTokens {

    private static final String HMAC = "HmacSHA256";
    private static final byte[] PURPOSE = "openreferral device token v1".getBytes(StandardCharsets.UTF_8);
    private static final int ID_BYTES = 16;
    private static final int PAYLOAD_BYTES = 16 + 8 + ID_BYTES;
    /** base64url of 40 payload bytes, a dot, base64url of 32 signature bytes: anything longer is no token of ours. */
    private static final int MAX_LENGTH = 120;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    HmacDeviceTokens(SigningKeys signingKeys) {
        this(derive(signingKeys.privateKey().getEncoded()));
    }

    HmacDeviceTokens(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
    }

    @Override
    public String issue(UserId user, Instant expiresAt) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        UUID uuid = user.value();
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).put(id).array();
        return BASE64URL.encodeToString(payload) + "." + BASE64URL.encodeToString(sign(payload));
    }

    @Override
    public Optional<Device> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = BASE64URL_DECODER.decode(token.substring(0, dot));
            signature = BASE64URL_DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        UserId user = new UserId(new UUID(fields.getLong(), fields.getLong()));
        if (!now.isBefore(Instant.ofEpochSecond(fields.getLong()))) {
            return Optional.empty();
        }
        byte[] id = new byte[ID_BYTES];
        fields.get(id);
        return Optional.of(new Device(user, BASE64URL.encodeToString(id)));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A key of its own for device tokens: HMAC-SHA256 of a fixed purpose under the signing key's bytes. */
    static byte[] derive(byte[] secret) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            return mac.doFinal(PURPOSE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
