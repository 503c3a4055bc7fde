package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.DeleteWebhookUseCase;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;

/** Deletes an endpoint the caller manages, with its deliveries. */
public final class DeleteWebhookService implements DeleteWebhookUseCase {

    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public DeleteWebhookService(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void delete(DeleteWebhookCommand command) {
        unitOfWork.inTransaction(() -> {
            Webhooks.find(endpoints, command.caller(), command.id(), true);
            return endpoints.delete(command.id());
        });
    }
}
