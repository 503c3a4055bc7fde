package org.openreferral.adapter.emailcheck;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Configuration of the Hunter.io verifier ({@code referral.email.hunter.*}). */
@ConfigMapping(prefix = "referral.email.hunter")
public interface HunterSettings {

    /** Hunter.io API key; without one the offline verifier is used. Never logged. */
    Optional<String> apiKey();

    @WithDefault("https://api.hunter.io")
    String baseUrl();

    /**
     * Hunter.io requests allowed per calendar month (UTC), counted by every instance together in the database (one
     * per address checked; the polls of a 202 and the retries after Hunter trouble are not counted again). Once
     * spent, addresses are checked offline until the month ends. Unset: no budget, nothing counted.
     */
    Optional<Long> monthlyBudget();

    @WithDefault("500ms")
    Duration connectTimeout();

    @WithDefault("1500ms")
    Duration readTimeout();

    /** How many requests in total while Hunter answers 202 (still verifying), before giving up with UNKNOWN. */
    @WithDefault("3")
    int pollAttempts();

    /** Wait before the first repeat of a 202; grows linearly with each further one. */
    @WithDefault("300ms")
    Duration pollDelay();

    /** Repeats after a 5xx, a timeout or a broken connection. */
    @WithDefault("1")
    int retries();

    /** Wait before the first retry; doubles with each further one. */
    @WithDefault("200ms")
    Duration retryDelay();

    @WithDefault("10")
    int rateLimitPerSecond();

    /** How long a request may wait for a slot under the rate limit before it is answered with a failure verdict. */
    @WithDefault("1s")
    Duration rateLimitMaxWait();

    CircuitBreaker circuitBreaker();

    /** When to stop calling Hunter for a while. */
    interface CircuitBreaker {

        /** Size of the rolling window of requests that the failure ratio is computed over. */
        @WithDefault("10")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting a trial request through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial requests needed to close it again. */
        @WithDefault("1")
        int successThreshold();
    }
}
