package org.openreferral.bootstrap.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the event outbox and feed ({@code referral.event.*}); the README lists them with their env names. */
@ConfigMapping(prefix = "referral.event")
public interface EventSettings {

    /** How long events are kept in the feed. */
    @WithDefault("P30D")
    Duration retention();

    /** How often committed events are given their feed sequence (a receiver sees an event within about this). */
    @WithDefault("PT0.2S")
    Duration sequenceInterval();

    /** How many events the sequencer numbers per transaction. */
    @WithDefault("500")
    int sequenceBatchSize();

    /**
     * How often events past the retention are deleted ({@code PT1H}, {@code 30m}; {@code off} stops the purge on this
     * instance).
     */
    @WithDefault("PT1H")
    String purgeInterval();
}
