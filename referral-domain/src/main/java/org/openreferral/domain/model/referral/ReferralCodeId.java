package org.openreferral.domain.model.referral;

import java.util.Objects;
import java.util.UUID;

/** Identity of a referral code. */
public record ReferralCodeId(UUID value) {

    public ReferralCodeId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralCodeId newId() {
        return new ReferralCodeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
