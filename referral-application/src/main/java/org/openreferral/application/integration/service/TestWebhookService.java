package org.openreferral.application.integration.service;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.in.TestWebhookUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.integration.port.out.OutboxEvent;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;

/** Appends a {@code webhook.test} event addressed to one endpoint; the dispatcher sends it there only. */
public final class TestWebhookService implements TestWebhookUseCase {

    private final WebhookEndpointRepository endpoints;
    private final EventOutbox outbox;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public TestWebhookService(WebhookEndpointRepository endpoints, EventOutbox outbox, UnitOfWork unitOfWork,
                              Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void test(TestWebhookCommand command) {
        unitOfWork.inTransaction(() -> {
            UUID id = Webhooks.find(endpoints, command.caller(), command.id(), false).id().value();
            outbox.append(new OutboxEvent(UUID.randomUUID(), EventType.WEBHOOK_TEST, clock.instant(),
                    Map.of("webhookId", id.toString()), Optional.of(id)));
            return null;
        });
    }
}
