package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.WebhookId;

/** Use case: gives an endpoint a new signing secret (shown once); the old one keeps signing for the overlap. */
public interface RotateWebhookSecretUseCase {

    RotatedSecret rotate(RotateWebhookSecretCommand command);

    record RotateWebhookSecretCommand(Caller caller, WebhookId id) {

        public RotateWebhookSecretCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }

    /** The new secret. */
    record RotatedSecret(String secret) {

        @Override
        public String toString() {
            return "RotatedSecret[***]";
        }
    }
}
