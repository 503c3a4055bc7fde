package org.openreferral.application.integration.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.webhook.WebhookId;

/** Use case: queues a {@code webhook.test} event for one endpoint only. */
public interface TestWebhookUseCase {

    void test(TestWebhookCommand command);

    record TestWebhookCommand(Caller caller, WebhookId id) {

        public TestWebhookCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }
}
