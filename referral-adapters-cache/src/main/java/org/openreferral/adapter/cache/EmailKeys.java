package org.openreferral.adapter.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openreferral.domain.model.user.Email;

/** Derives the cache key of an address with HMAC-SHA256, so that no key reveals the address. */
final class EmailKeys {

    // Used when referral.cache.key-secret is not set: fine in-process, not for a shared Redis.
    static final String BUILT_IN_SECRET = "openreferral-cache-keys-built-in-secret-v1";

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec secret;

    EmailKeys(String secret) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    String of(Email email) {
        return of(email.value());
    }

    /** The keyed hash of any text that must not appear in a key as is (a login, a client address). */
    String of(String text) {
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
