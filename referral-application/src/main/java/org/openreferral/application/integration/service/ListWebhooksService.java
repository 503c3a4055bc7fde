package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.ListWebhooksUseCase;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;

/** Lists the endpoints the caller manages, oldest first, without secrets. */
public final class ListWebhooksService implements ListWebhooksUseCase {

    private final WebhookEndpointRepository endpoints;
    private final UnitOfWork unitOfWork;

    public ListWebhooksService(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        this.endpoints = endpoints;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<WebhookView> list(ListWebhooksQuery query) {
        var owner = Webhooks.visibleTo(query.caller());
        return unitOfWork.reading(() -> endpoints.list(owner, query.page())).map(Webhooks::view);
    }
}
