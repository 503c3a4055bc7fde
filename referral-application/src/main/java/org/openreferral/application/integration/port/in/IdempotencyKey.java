package org.openreferral.application.integration.port.in;

import org.openreferral.domain.error.InvalidValueException;

/** A client's {@code Idempotency-Key}: 1 to 255 visible ASCII characters (0x21 to 0x7E). */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
            throw new InvalidValueException("Idempotency-Key",
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters (no spaces)");
        }
    }
}
