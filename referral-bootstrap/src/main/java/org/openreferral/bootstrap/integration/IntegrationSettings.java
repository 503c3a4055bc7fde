package org.openreferral.bootstrap.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the integration slice ({@code referral.idempotency.*}); the README lists them with their environment
 * names.
 */
@ConfigMapping(prefix = "referral")
public interface IntegrationSettings {

    Idempotency idempotency();

    /** Idempotency keys (docs/adr/0013-idempotency.md). */
    interface Idempotency {

        /** How long a kept answer is replayed, counted from the answer. */
        @WithDefault("P1D")
        Duration ttl();

        /**
         * How long a claimed key refuses retries (409) while its request has not answered; after that a retry runs
         * again, so that a request that died with its instance does not block its key for the whole TTL.
         */
        @WithDefault("PT1M")
        Duration lockTimeout();

        /** How often expired keys are removed. */
        @WithDefault("PT1H")
        Duration purgeInterval();
    }
}
