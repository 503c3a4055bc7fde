package org.openreferral.application.integration.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Out-port: the transactional outbox. {@link #append} writes an event inside the caller's transaction, so a
 * rolled-back change leaves no event and a committed one always has one. An appended event has no sequence
 * yet: {@link #sequencePending} numbers committed events in batches (one instance at a time), so a sequence is
 * only handed out after the event's transaction committed and the feed's cursor never skips an event.
 */
public interface EventOutbox {

    /** Writes the event in the current transaction. */
    void append(OutboxEvent event);

    /**
     * Gives the committed events without a sequence (at most {@code limit}, oldest first) the next sequences,
     * in one transaction; returns how many it numbered (0 when another instance is doing it right now).
     */
    int sequencePending(int limit);

    /** Sequenced events with a sequence above {@code after}, ascending, at most {@code limit}; any type if empty. */
    List<SequencedEvent> after(long after, Set<EventType> types, int limit);

    /** Deletes the sequenced events created before {@code cutoff}; how many it deleted. */
    int purgeCreatedBefore(Instant cutoff);
}
