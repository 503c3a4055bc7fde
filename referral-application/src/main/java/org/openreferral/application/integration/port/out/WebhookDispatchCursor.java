package org.openreferral.application.integration.port.out;

import java.util.OptionalLong;

/** Out-port: the sequence of the last event fanned out to webhook endpoints, held by one dispatcher at a time. */
public interface WebhookDispatchCursor {

    /**
     * Locks the cursor until the transaction ends and gives its position; empty when another dispatcher holds it
     * right now (the caller then skips its turn instead of waiting).
     */
    OptionalLong tryLock();

    /** Moves the locked cursor to {@code sequence}. */
    void moveTo(long sequence);
}
