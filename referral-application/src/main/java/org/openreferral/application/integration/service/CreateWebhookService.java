package org.openreferral.application.integration.service;

import java.security.SecureRandom;
import java.time.Clock;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.WebhookEndpoint;
import org.openreferral.domain.model.webhook.WebhookId;
import org.openreferral.domain.model.webhook.WebhookSecret;

/** Subscribes a URL that the SSRF guard accepts; the signing secret is 32 random bytes, shown in the answer once. */
public final class CreateWebhookService implements CreateWebhookUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final WebhookUrlGuard guard;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public CreateWebhookService(WebhookEndpointRepository endpoints, WebhookUrlGuard guard, UnitOfWork unitOfWork,
                                Clock clock) {
        this.endpoints = endpoints;
        this.guard = guard;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public CreatedWebhook create(CreateWebhookCommand command) {
        var owner = Webhooks.ownerOf(command.caller());
        guard.check(command.url()); // DNS, before the transaction opens
        WebhookSecret secret = newSecret();
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookId.newId(), owner, command.url(), command.events(),
                command.description(), secret, clock.instant());
        unitOfWork.inTransaction(() -> {
            endpoints.add(endpoint);
            return null;
        });
        return new CreatedWebhook(Webhooks.view(endpoint), secret.value());
    }

    /** A fresh signing secret. */
    static WebhookSecret newSecret() {
        byte[] key = new byte[WebhookSecret.KEY_BYTES];
        RANDOM.nextBytes(key);
        return WebhookSecret.of(key);
    }
}
