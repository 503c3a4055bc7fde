package org.openreferral.bootstrap.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Replaces the application's clock in tests with one that tests can move. */
@ApplicationScoped
public class TestClockProducer {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
