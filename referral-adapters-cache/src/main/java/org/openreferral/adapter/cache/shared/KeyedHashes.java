package org.openreferral.adapter.cache.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.domain.model.user.Email;

/** Hashes what must not appear in a cache key as is (an address, a login, a client address) with HMAC-SHA256. */
public final class KeyedHashes {

    // Used when referral.cache.key-secret is not set: fine in-process, not for a shared Redis.
    static final String BUILT_IN_SECRET = "openreferral-cache-keys-built-in-secret-v1";

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec secret;

    public KeyedHashes(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(Email email) {
        return of(email.value());
    }

    /** The keyed hash of any text (a login, a client address, a counter's key). */
    public String of(String text) {
        try {
            // A Mac is not thread-safe and cheap to create, so one per call.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return ENCODER.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
