package org.openreferral.bootstrap.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase;
import org.openreferral.application.integration.port.in.DeleteWebhookUseCase;
import org.openreferral.application.integration.port.in.DeliverWebhooksUseCase;
import org.openreferral.application.integration.port.in.DispatchWebhookEventsUseCase;
import org.openreferral.application.integration.port.in.GetWebhookUseCase;
import org.openreferral.application.integration.port.in.ListWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.in.ListWebhooksUseCase;
import org.openreferral.application.integration.port.in.PurgeWebhookDeliveriesUseCase;
import org.openreferral.application.integration.port.in.RotateWebhookSecretUseCase;
import org.openreferral.application.integration.port.in.TestWebhookUseCase;
import org.openreferral.application.integration.port.in.UpdateWebhookUseCase;
import org.openreferral.application.integration.port.out.EventOutbox;
import org.openreferral.application.integration.port.out.EventPayloads;
import org.openreferral.application.integration.port.out.HostResolver;
import org.openreferral.application.integration.port.out.WebhookDeliveryRepository;
import org.openreferral.application.integration.port.out.WebhookDispatchCursor;
import org.openreferral.application.integration.port.out.WebhookEndpointRepository;
import org.openreferral.application.integration.port.out.WebhookSender;
import org.openreferral.application.integration.port.out.WebhookSignatures;
import org.openreferral.application.integration.service.CreateWebhookService;
import org.openreferral.application.integration.service.DeleteWebhookService;
import org.openreferral.application.integration.service.DeliverWebhooksService;
import org.openreferral.application.integration.service.DispatchWebhookEventsService;
import org.openreferral.application.integration.service.GetWebhookService;
import org.openreferral.application.integration.service.ListWebhookDeliveriesService;
import org.openreferral.application.integration.service.ListWebhooksService;
import org.openreferral.application.integration.service.PurgeWebhookDeliveriesService;
import org.openreferral.application.integration.service.RotateWebhookSecretService;
import org.openreferral.application.integration.service.TestWebhookService;
import org.openreferral.application.integration.service.UpdateWebhookService;
import org.openreferral.application.integration.service.WebhookUrlGuard;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.webhook.RetrySchedule;

/**
 * Wires the webhook part of the integration slice: endpoint management, the dispatcher, the delivery worker and the
 * delivery log's purge.
 */
@ApplicationScoped
public class WebhookWiring {

    @Produces
    @ApplicationScoped
    WebhookUrlGuard webhookUrlGuard(HostResolver resolver, WebhookSettings settings) {
        return new WebhookUrlGuard(resolver, settings.allowHttp(), settings.allowPrivateNetworks());
    }

    @Produces
    @ApplicationScoped
    CreateWebhookUseCase createWebhook(WebhookEndpointRepository endpoints, WebhookUrlGuard guard,
                                       UnitOfWork unitOfWork, Clock clock) {
        return new CreateWebhookService(endpoints, guard, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ListWebhooksUseCase listWebhooks(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        return new ListWebhooksService(endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    GetWebhookUseCase getWebhook(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        return new GetWebhookService(endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    UpdateWebhookUseCase updateWebhook(WebhookEndpointRepository endpoints, WebhookUrlGuard guard,
                                       UnitOfWork unitOfWork) {
        return new UpdateWebhookService(endpoints, guard, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    DeleteWebhookUseCase deleteWebhook(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork) {
        return new DeleteWebhookService(endpoints, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    RotateWebhookSecretUseCase rotateWebhookSecret(WebhookEndpointRepository endpoints, UnitOfWork unitOfWork,
                                                   Clock clock, WebhookSettings settings) {
        return new RotateWebhookSecretService(endpoints, unitOfWork, clock, settings.secretOverlap());
    }

    @Produces
    @ApplicationScoped
    TestWebhookUseCase testWebhook(WebhookEndpointRepository endpoints, EventOutbox outbox, UnitOfWork unitOfWork,
                                   Clock clock) {
        return new TestWebhookService(endpoints, outbox, unitOfWork, clock);
    }

    @Produces
    @ApplicationScoped
    ListWebhookDeliveriesUseCase listWebhookDeliveries(WebhookEndpointRepository endpoints,
                                                       WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork) {
        return new ListWebhookDeliveriesService(endpoints, deliveries, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    DispatchWebhookEventsUseCase dispatchWebhookEvents(EventOutbox outbox, WebhookDispatchCursor cursor,
                                                       WebhookEndpointRepository endpoints,
                                                       WebhookDeliveryRepository deliveries, EventPayloads payloads,
                                                       UnitOfWork unitOfWork) {
        return new DispatchWebhookEventsService(outbox, cursor, endpoints, deliveries, payloads, unitOfWork);
    }

    @Produces
    @ApplicationScoped
    DeliverWebhooksUseCase deliverWebhooks(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                                           WebhookSender sender, WebhookSignatures signatures, WebhookUrlGuard guard,
                                           UnitOfWork unitOfWork, Clock clock, WebhookSettings settings) {
        return new DeliverWebhooksService(deliveries, endpoints, sender, signatures, guard, unitOfWork, clock,
                new DeliverWebhooksService.Policy(new RetrySchedule(settings.retrySchedule()),
                        settings.disableAfterFailures(), settings.claimLease()));
    }

    @Produces
    @ApplicationScoped
    PurgeWebhookDeliveriesUseCase purgeWebhookDeliveries(WebhookDeliveryRepository deliveries, UnitOfWork unitOfWork,
                                                         Clock clock) {
        return new PurgeWebhookDeliveriesService(deliveries, unitOfWork, clock);
    }
}
