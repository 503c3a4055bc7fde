package org.openreferral.bootstrap.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of webhook delivery ({@code referral.webhook.*}); each default is written here once. */
@ConfigMapping(prefix = "referral.webhook")
public interface WebhookSettings {

    /** How long a rotated-out secret keeps signing deliveries next to the new one. */
    @WithDefault("P1D")
    Duration secretOverlap();

    /** The waits before the 2nd, 3rd, ... attempt (each spread by +-20%); after the last, no more attempts. */
    @WithDefault("PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** Consecutive failed attempts after which an endpoint is disabled. */
    @WithDefault("50")
    int disableAfterFailures();

    /** {@code true} allows http URLs (local development and tests only). */
    @WithDefault("false")
    boolean allowHttp();

    /** {@code true} allows hosts that resolve to loopback, private, link-local and other non-public addresses. */
    @WithDefault("false")
    boolean allowPrivateNetworks();

    /** How often each instance looks for events to fan out and attempts that are due. */
    @WithDefault("PT0.2S")
    Duration pollInterval();

    /** Attempts sent at once per instance (threads, and the outbound connection pool per receiver). */
    @WithDefault("16")
    int concurrency();

    /** How long an attempt waits for the receiver's connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** How long an attempt waits for the receiver's answer, once connected. */
    @WithDefault("PT10S")
    Duration responseTimeout();

    /**
     * How long a claimed attempt is its worker's; after that another instance makes it again. Must be longer than the
     * connect and response timeouts together (checked at start).
     */
    @WithDefault("PT30S")
    Duration claimLease();

    /** Events fanned out per dispatcher turn. */
    @WithDefault("500")
    int dispatchBatchSize();

    /** How long a finished (SUCCEEDED or FAILED) attempt stays in the delivery log, counted from its finish. */
    @WithDefault("P30D")
    Duration deliveryRetention();

    /**
     * How often finished attempts past the retention are deleted ({@code PT1H}, {@code 30m}; {@code off} stops the
     * purge on this instance).
     */
    @WithDefault("PT1H")
    String deliveryPurgeInterval();
}
