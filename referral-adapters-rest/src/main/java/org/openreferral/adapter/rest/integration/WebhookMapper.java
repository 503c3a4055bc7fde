package org.openreferral.adapter.rest.integration;

import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.integration.dto.DeliveryResponse;
import org.openreferral.adapter.rest.integration.dto.WebhookResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.application.integration.port.in.CreateWebhookUseCase.CreatedWebhook;
import org.openreferral.application.integration.port.in.DeliveryView;
import org.openreferral.application.integration.port.in.WebhookView;
import org.openreferral.application.shared.Page;

/** Webhook endpoints and delivery attempts to their wire form; the secret only for an endpoint just created. */
@Mapper(componentModel = "jakarta-cdi")
public interface WebhookMapper {

    default WebhookResponse toResponse(WebhookView webhook) {
        return toResponse(webhook, null);
    }

    default WebhookResponse toResponse(CreatedWebhook created) {
        return toResponse(created.webhook(), created.secret());
    }

    default PageResponse<WebhookResponse> toWebhookPage(Page<WebhookView> page) {
        return PageResponse.of(page, page.items().stream().map(this::toResponse).toList());
    }

    default DeliveryResponse toResponse(DeliveryView delivery) {
        return new DeliveryResponse(delivery.id().toString(), delivery.eventId().toString(), delivery.eventType(),
                delivery.attempt(), delivery.status(), delivery.responseStatus().orElse(null),
                delivery.durationMs().orElse(null), delivery.createdAt(), delivery.nextAttemptAt().orElse(null));
    }

    default PageResponse<DeliveryResponse> toDeliveryPage(Page<DeliveryView> page) {
        return PageResponse.of(page, page.items().stream().map(this::toResponse).toList());
    }

    private WebhookResponse toResponse(WebhookView webhook, String secret) {
        return new WebhookResponse(webhook.id().toString(), webhook.url(), webhook.events(),
                webhook.description().orElse(null), webhook.enabled(), webhook.disabledReason().orElse(null), secret,
                webhook.createdAt());
    }
}
