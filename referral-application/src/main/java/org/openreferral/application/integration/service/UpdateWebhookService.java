package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.UpdateWebhookUseCase;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.WebhookEndpoint;

/** Changes an endpoint under its row lock (the delivery worker counts failures under the same lock). */
public final class UpdateWebhookService implements UpdateWebhookUseCase {

    private final WebhookEndpointRepository endpoints;
    private final WebhookUrlGuard guard;
    private final UnitOfWork unitOfWork;

    public UpdateWebhookService(WebhookEndpointRepository endpoints, WebhookUrlGuard guard, UnitOfWork unitOfWork) {
        this.endpoints = endpoints;
        this.guard = guard;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WebhookView update(UpdateWebhookCommand command) {
        Webhooks.ownerOf(command.caller());
        command.url().ifPresent(guard::check); // DNS, before the transaction opens
        return unitOfWork.inTransaction(() -> {
            WebhookEndpoint endpoint = Webhooks.find(endpoints, command.caller(), command.id(), true);
            command.url().ifPresent(endpoint::changeUrl);
            command.events().ifPresent(endpoint::subscribe);
            command.description().ifPresent(endpoint::describe);
            command.enabled().ifPresent(enabled -> {
                if (enabled) {
                    endpoint.enable();
                } else {
                    endpoint.disable();
                }
            });
            endpoints.update(endpoint);
            return Webhooks.view(endpoint);
        });
    }
}
