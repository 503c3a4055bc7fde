package org.openreferral.application.integration.service;

import org.openreferral.application.integration.port.in.DeliveryView;
import org.openreferral.application.integration.port.in.ListWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.UnitOfWork;

/** The delivery log of one endpoint the caller manages, newest attempt first. */
public final class ListWebhookDeliveriesService implements ListWebhookDeliveriesUseCase {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final UnitOfWork unitOfWork;

    public ListWebhookDeliveriesService(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                                        UnitOfWork unitOfWork) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public Page<DeliveryView> list(ListWebhookDeliveriesQuery query) {
        return unitOfWork.reading(() -> {
            Webhooks.find(endpoints, query.caller(), query.id(), false);
            return deliveries.listFor(query.id(), query.page());
        }).map(Webhooks::view);
    }
}
