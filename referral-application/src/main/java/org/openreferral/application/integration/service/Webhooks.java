package org.openreferral.application.integration.service;

import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.in.DeliveryView;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.webhook.WebhookDelivery;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;

/**
 * What the webhook use cases share: who may manage endpoints (admins, and clients with {@code webhooks:write}),
 * whose they are (a client manages those it created, an admin every one; others' ids are 404), and their views.
 */
final class Webhooks {

    private Webhooks() {
    }

    /** The owner a new endpoint of {@code caller} gets: the client itself, or none for an admin. */
    static Optional<UUID> ownerOf(Caller caller) {
        caller.requireAdminOr(Scope.WEBHOOKS_WRITE);
        return caller.client() ? Optional.of(caller.id().value()) : Optional.empty();
    }

    /** Which owner's endpoints {@code caller} sees: every one (empty) for an admin, else its own. */
    static Optional<Optional<UUID>> visibleTo(Caller caller) {
        Optional<UUID> owner = ownerOf(caller);
        return caller.admin() ? Optional.empty() : Optional.of(owner);
    }

    static boolean visible(WebhookEndpoint endpoint, Caller caller) {
        return caller.admin() || endpoint.ownedBy(ownerOf(caller));
    }

    /** The endpoint if {@code caller} may manage it, read or locked; else 404. */
    static WebhookEndpoint find(WebhookEndpointRepository endpoints, Caller caller, WebhookId id, boolean lock) {
        ownerOf(caller);
        return (lock ? endpoints.lockById(id) : endpoints.findById(id))
                .filter(endpoint -> visible(endpoint, caller))
                .orElseThrow(Webhooks::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("webhook-not-found", "No such webhook.");
    }

    static WebhookView view(WebhookEndpoint endpoint) {
        return new WebhookView(endpoint.id().value(), endpoint.url().value(), endpoint.events().names(),
                endpoint.description(), endpoint.enabled(), endpoint.disabledReason(), endpoint.createdAt());
    }

    static DeliveryView view(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.attempt(),
                delivery.status().name(), delivery.responseStatus(), delivery.durationMs(), delivery.createdAt(),
                delivery.nextAttemptAt());
    }
}
