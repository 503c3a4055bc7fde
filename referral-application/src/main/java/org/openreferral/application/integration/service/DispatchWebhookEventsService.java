package org.openreferral.application.integration.service;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.openreferral.application.integration.port.in.DispatchWebhookEventsUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventPayloads;
import org.openreferral.application.integration.port.out.SequencedEvent;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;

/**
 * Fans sequenced events out: each to the enabled endpoints subscribed to its type that existed when it was
 * created, an event addressed to one endpoint ({@code webhook.test}) to that one only. The attempts and the moved
 * cursor commit together, so an event is fanned out exactly once; the cursor's lock keeps dispatchers apart.
 */
public final class DispatchWebhookEventsService implements DispatchWebhookEventsUseCase {

    private final EventOutbox outbox;
    private final WebhookDispatchCursor cursor;
    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EventPayloads payloads;
    private final UnitOfWork unitOfWork;

    public DispatchWebhookEventsService(EventOutbox outbox, WebhookDispatchCursor cursor,
                                        WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                                        EventPayloads payloads, UnitOfWork unitOfWork) {
        this.outbox = outbox;
        this.cursor = cursor;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public int dispatch(DispatchWebhookEventsCommand command) {
        // A sequencing turn of its own first (the sequencer job runs too; the outbox lets one number at a time), so
        // an event waits one poll between its commit and its fan-out, not two.
        unitOfWork.inTransaction(() -> outbox.sequencePending(command.limit()));
        return unitOfWork.inTransaction(() -> {
            OptionalLong position = cursor.tryLock();
            if (position.isEmpty()) {
                return 0;
            }
            List<SequencedEvent> events = outbox.after(position.getAsLong(), Set.of(), command.limit());
            if (events.isEmpty()) {
                return 0;
            }
            List<WebhookEndpoint> subscribers = endpoints.enabled();
            for (SequencedEvent event : events) {
                String payload = payloads.json(event);
                String type = event.type().slug();
                List<WebhookEndpoint> targets = event.webhookId().isPresent()
                        ? endpoints.findById(new WebhookId(event.webhookId().get())).filter(e -> e.existedAt(event.createdAt())).stream().toList()
                        : subscribers.stream().filter(e -> e.subscribesTo(type, event.createdAt())).toList();
                targets.forEach(endpoint -> deliveries.add(
                        WebhookDelivery.first(endpoint.id(), event.id(), type, payload, event.createdAt())));
            }
            cursor.moveTo(events.get(events.size() - 1).sequence());
            return events.size();
        });
    }
}
