package org.openreferral.adapter.emailcheck;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.fakes.FakeUnitOfWork;
import org.openreferral.application.fakes.InMemoryPaidEmailCheckCounter;

/** Hunter verifiers built as ConfiguredEmailVerifier builds them, with the shipped offline list as the fallback. */
final class Verifiers {

    private Verifiers() {
    }

    /** Without a monthly budget. */
    static HunterEmailVerifier unlimited(HunterSettings settings, ObjectMapper json) {
        return withBudget(settings, json, Optional.empty(), new InMemoryPaidEmailCheckCounter(), Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    /** With {@code budget} requests a month, counted in {@code counter}, months told by {@code clock}. */
    static HunterEmailVerifier withBudget(HunterSettings settings, ObjectMapper json, Optional<Long> budget,
                                          PaidEmailCheckCounter counter, Clock clock, MeterRegistry meters) {
        MonthlyHunterBudget monthly = new MonthlyHunterBudget(budget, counter, new FakeUnitOfWork(), clock);
        monthly.register(meters);
        return new HunterEmailVerifier(settings, json, monthly, new OfflineEmailVerifier(DisposableDomains.shipped()),
                meters);
    }
}
