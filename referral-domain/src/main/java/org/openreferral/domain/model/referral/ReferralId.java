package org.openreferral.domain.model.referral;

import java.util.Objects;
import java.util.UUID;

/** Identity of a referral. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralId newId() {
        return new ReferralId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
