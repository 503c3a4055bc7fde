package org.openreferral.application.contract;

import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.shared.UnitOfWork;

/** The webhook ports of one implementation (in-memory or PostgreSQL), empty, with their unit of work. */
public record WebhookStores(UnitOfWork unitOfWork, WebhookEndpointRepository endpoints,
                            WebhookDeliveryRepository deliveries, WebhookDispatchCursor cursor) {
}
