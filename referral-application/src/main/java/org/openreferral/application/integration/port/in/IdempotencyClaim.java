package org.openreferral.application.integration.port.in;

import java.util.Objects;
import java.util.UUID;

/** A running request's hold on its idempotency key, handed back when it finishes. */
public record IdempotencyClaim(String scopeDigest, UUID claimId) {

    public IdempotencyClaim {
        Objects.requireNonNull(scopeDigest, "scopeDigest");
        Objects.requireNonNull(claimId, "claimId");
    }
}
