package org.openreferral.adapter.rest.integration.dto;

/** The answer to a secret rotation: the new secret, shown this once. */
public record WebhookSecretResponse(String secret) {
}
