package org.openreferral.adapter.emailcheck;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.openreferral.application.account.port.out.PaidEmailCheckCounter;
import org.openreferral.application.fakes.FakeUnitOfWork;
import org.openreferral.application.fakes.InMemoryPaidEmailCheckCounter;
import org.openreferral.application.shared.UnitOfWork;

/** The out-ports the adapter needs that other modules implement (bootstrap wires the real ones), as fakes. */
@ApplicationScoped
public class TestPorts {

    @Produces
    @ApplicationScoped
    PaidEmailCheckCounter paidEmailChecks() {
        return new InMemoryPaidEmailCheckCounter();
    }

    @Produces
    @ApplicationScoped
    UnitOfWork unitOfWork() {
        return new FakeUnitOfWork();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
