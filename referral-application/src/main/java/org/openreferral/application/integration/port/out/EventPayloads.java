package org.openreferral.application.integration.port.out;

/** Out-port: the JSON a webhook receiver gets for an event: {@code {id, sequence, type, createdAt, data}}. */
public interface EventPayloads {

    String json(SequencedEvent event);
}
