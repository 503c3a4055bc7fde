package org.openreferral.adapter.cache.shared;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the caches ({@code referral.cache.*}); each default is written here and nowhere else. */
@ConfigMapping(prefix = "referral.cache")
public interface CacheSettings {

    /** {@code auto} (Redis when a client is configured), {@code memory} or {@code redis}. */
    @WithDefault("auto")
    String backend();

    /** HMAC key of every cache key; all instances must share it. Unset: a built-in secret (start-up refused with Redis). */
    Optional<String> keySecret();

    /** Longest time a lookup answer is cached; never past the code's expiry. */
    @WithDefault("PT10M")
    Duration lookupTtl();

    Redis redis();

    Memory memory();

    /** The Redis backend. */
    interface Redis {

        /** How long one Redis call may take before it counts as failed. */
        @WithDefault("PT0.2S")
        Duration timeout();
    }

    /** The in-process backend. */
    interface Memory {

        /** Size bound of each in-process cache (lookup answers, email verdicts). */
        @WithDefault("10000")
        long maxEntries();
    }
}
