package org.openreferral.application.integration.port.in;

/**
 * Use case (background): fans the next sequenced events out to the endpoints subscribed to them, as PENDING first
 * attempts, and moves the dispatch cursor past them, in one transaction; one dispatcher at a time.
 */
public interface DispatchWebhookEventsUseCase {

    /** How many events were fanned out (0 when there were none, or another instance is dispatching). */
    int dispatch(DispatchWebhookEventsCommand command);

    record DispatchWebhookEventsCommand(int limit) {

        public DispatchWebhookEventsCommand {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }
    }
}
