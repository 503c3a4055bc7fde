package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.GetWebhookUseCase;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;

/** Reads one endpoint the caller manages, without its secret. */
public final class GetWebhookService implements GetWebhookUseCase {

    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public GetWebhookService(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public WebhookView get(GetWebhookQuery query) {
        return Webhooks.view(unitOfWork.reading(() -> Webhooks.find(endpoints, query.caller(), query.id(), false)));
    }
}
