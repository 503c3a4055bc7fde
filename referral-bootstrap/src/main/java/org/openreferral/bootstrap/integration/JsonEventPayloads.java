package org.openreferral.bootstrap.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openreferral.application.integration.port.out.EventPayloads;
import org.openreferral.application.integration.port.out.SequencedEvent;

/** An event as a webhook body: {@code {id, sequence, type, createdAt, data}}, as the event feed shows it. */
@ApplicationScoped
public class JsonEventPayloads implements EventPayloads {

    private final ObjectMapper json;

    JsonEventPayloads(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String json(SequencedEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("sequence", event.sequence());
        body.put("type", event.type().slug());
        body.put("createdAt", event.createdAt().toString());
        body.put("data", event.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's data holds JSON values only", e);
        }
    }
}
