package org.openreferral.adapter.security;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;

/**
 * The password hashes' queue in metrics: how many wait for a slot now, how long the admitted ones waited, and how many
 * were refused (queue full, or waited the longest allowed). The wait is where saturated logins show before any 503.
 */
@ApplicationScoped
class PasswordHashingMetrics {

    void register(@Observes StartupEvent start, Argon2idPasswordHasher hasher, MeterRegistry meters) {
        Gauge.builder("referral.password.hashing.waiting", hasher, Argon2idPasswordHasher::waiting)
                .description("Password hashes (logins, registrations) waiting for a hashing slot")
                .register(meters);
        HashingWaits waits = hasher.waits();
        FunctionTimer.builder("referral.password.hashing.wait", waits, HashingWaits::admitted,
                        HashingWaits::admittedWaitSeconds, TimeUnit.SECONDS)
                .description("Time password hashes waited for a hashing slot before they ran")
                .register(meters);
        FunctionCounter.builder("referral.password.hashing.refused", waits, HashingWaits::refusedAtOnce)
                .description("Password hashes refused with 503 before they ran")
                .tag("reason", "queue-full")
                .register(meters);
        FunctionCounter.builder("referral.password.hashing.refused", waits, HashingWaits::timedOut)
                .description("Password hashes refused with 503 before they ran")
                .tag("reason", "wait-timeout")
                .register(meters);
    }
}
