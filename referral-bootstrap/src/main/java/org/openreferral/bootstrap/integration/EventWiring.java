package org.openreferral.bootstrap.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.openreferral.application.account.port.out.AccountEvents;
import org.openreferral.application.integration.port.in.ListEventsUseCase;
import org.openreferral.application.integration.port.in.PurgeEventsUseCase;
import org.openreferral.application.integration.port.in.SequenceEventsUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.service.AccountEventsService;
import org.openreferral.application.integration.service.ListEventsService;
import org.openreferral.application.integration.service.PurgeEventsService;
import org.openreferral.application.integration.service.ReferralEventsService;
import org.openreferral.application.integration.service.SequenceEventsService;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Wires the events of the integration slice: the account and referral slices' event out-ports into the outbox,
 * and the feed, sequencer and purge use cases.
 */
@ApplicationScoped
public class EventWiring {

    @Produces
    @ApplicationScoped
    AccountEvents accountEvents(EventOutbox outbox) {
        return new AccountEventsService(outbox);
    }

    @Produces
    @ApplicationScoped
    ReferralEvents referralEvents(EventOutbox outbox, ReferralRepository referrals) {
        return new ReferralEventsService(outbox, referrals);
    }

    @Produces
    @ApplicationScoped
    ListEventsUseCase listEvents(EventOutbox outbox, UnitOfWork unitOfWork) {
        return new ListEventsService(outbox, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    SequenceEventsUseCase sequenceEvents(EventOutbox outbox, UnitOfWork unitOfWork) {
        return new SequenceEventsService(outbox, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    PurgeEventsUseCase purgeEvents(EventOutbox outbox, UnitOfWork unitOfWork, Clock clock) {
        return new PurgeEventsService(outbox, unitOfWork, clock);
    }
}
