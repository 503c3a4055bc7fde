package org.openreferral.application.integration.service;

import java.time.Clock;
import java.time.Duration;
import org.openreferral.application.integration.port.in.RotateWebhookSecretUseCase;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookSecret;

/** Rotates an endpoint's signing secret; the previous one signs along for {@code overlap}. */
public final class RotateWebhookSecretService implements RotateWebhookSecretUseCase {

    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration overlap;

    public RotateWebhookSecretService(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork, Clock clock,
                                      Duration overlap) {
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.overlap = overlap;
    }

    @Override
    public RotatedSecret rotate(RotateWebhookSecretCommand command) {
        WebhookSecret secret = CreateWebhookService.newSecret();
        unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = Webhooks.find(endpoints, command.caller(), command.id(), true);
            endpoint.rotateSecret(secret, clock.instant(), overlap);
            endpoints.update(endpoint);
            return null;
        });
        return new RotatedSecret(secret.value());
    }
}
