package org.openreferral.application.integration.port.in;

/** Use case: gives committed events their feed sequence (the outbox's sequencer), one batch at a time. */
public interface SequenceEventsUseCase {

    /** Numbers pending events in batches of {@code batchSize} until none is left; how many it numbered. */
    int sequence(int batchSize);
}
