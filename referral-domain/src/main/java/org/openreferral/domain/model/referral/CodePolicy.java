package org.openreferral.domain.model.referral;

import java.time.Duration;
import java.util.Objects;

/** Configurable limits of referral codes: the longest time a code may live. */
public record CodePolicy(Duration maxTtl) {

    public CodePolicy {
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (maxTtl.isNegative() || maxTtl.isZero()) {
            throw new IllegalArgumentException("maxTtl must be positive");
        }
    }

    public static CodePolicy defaults() {
        return new CodePolicy(Duration.ofDays(365));
    }
}
