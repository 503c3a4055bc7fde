package org.openreferral.domain.model.webhook;

import java.util.Base64;
import java.util.Objects;
import org.openreferral.domain.error.InvalidValueException;

/**
 * A signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of its random bytes. It is kept as
 * such (a signature needs the key itself, so it cannot be hashed) and never printed.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    /** 256 bits, as Standard Webhooks recommends at least 24 bytes. */
    public static final int KEY_BYTES = 32;

    public WebhookSecret {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith(PREFIX)) {
            throw new InvalidValueException("webhook secret", "must start with " + PREFIX);
        }
        try {
            Base64.getDecoder().decode(value.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("webhook secret", "must be base64 after " + PREFIX);
        }
    }

    /** The secret made of these random bytes. */
    public static WebhookSecret of(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a webhook secret has " + KEY_BYTES + " bytes");
        }
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key: the base64-decoded part after the prefix. */
    public byte[] key() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
