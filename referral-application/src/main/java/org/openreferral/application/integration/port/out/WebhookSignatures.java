package org.openreferral.application.integration.port.out;

import java.util.List;
import org.openreferral.domain.model.webhook.WebhookSecret;

/**
 * Out-port: Standard Webhooks signatures, the {@code webhook-signature} header of a delivery: {@code v1,} and the
 * base64 HMAC-SHA256 of {@code {id}.{timestamp}.{body}} keyed with each secret's decoded bytes, space-separated.
 */
public interface WebhookSignatures {

    String sign(List<WebhookSecret> secrets, String messageId, long timestamp, String body);
}
