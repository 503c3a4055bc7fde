package org.openreferral.application.fakes;

import org.openreferral.application.contract.WebhookRepositoryContract;
import org.openreferral.application.contract.WebhookStores;

/** The webhook contract against the in-memory fakes, so the service tests' stores behave as PostgreSQL does. */
class InMemoryWebhookStoresTest extends WebhookRepositoryContract {

    @Override
    protected WebhookStores emptyWebhookStores() {
        FakeUnitOfWork unitOfWork = new FakeUnitOfWork();
        InMemoryWebhookEndpointRepository endpoints = new InMemoryWebhookEndpointRepository(unitOfWork);
        return new WebhookStores(unitOfWork, endpoints, new InMemoryWebhookDeliveryRepository(unitOfWork, endpoints),
                new InMemoryWebhookDispatchCursor(unitOfWork));
    }
}
