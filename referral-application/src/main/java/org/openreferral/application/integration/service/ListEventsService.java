package org.openreferral.application.integration.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openreferral.application.integration.port.in.ListEventsUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.SequencedEvent;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.Scope;

/**
 * Reads the feed for admins and clients holding {@code events:read}. A {@code webhook.test} event is addressed to
 * one webhook endpoint and never appears in the feed, so filtering it out by type keeps {@code next} the last
 * item's sequence.
 */
public final class ListEventsService implements ListEventsUseCase {

    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;

    public ListEventsService(EventOutbox outbox, UnitOfWork unitOfWork) {
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public EventFeed list(ListEventsQuery query) {
        query.caller().requireAdminOr(Scope.EVENTS_READ);
        Set<EventType> types = EnumSet.allOf(EventType.class);
        if (!query.types().isEmpty()) {
            types.retainAll(query.types());
        }
        types.remove(EventType.WEBHOOK_TEST);
        if (types.isEmpty()) {
            return new EventFeed(List.of(), query.after());
        }
        List<SequencedEvent> events = unitOfWork.reading(() -> outbox.after(query.after(), types, query.limit()));
        long next = events.isEmpty() ? query.after() : events.get(events.size() - 1).sequence();
        return new EventFeed(events.stream().map(ListEventsService::view).toList(), next);
    }

    private static EventView view(SequencedEvent event) {
        return new EventView(event.id(), event.sequence(), event.type().slug(), event.createdAt(), event.data());
    }
}
