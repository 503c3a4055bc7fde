package org.openreferral.adapter.rest.integration;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestQuery;
import org.openreferral.adapter.rest.integration.dto.EventFeedResponse;
import org.openreferral.adapter.rest.shared.CallerProvider;
import org.openreferral.adapter.rest.shared.Fields;
import org.openreferral.application.integration.port.in.ListEventsUseCase;
import org.openreferral.application.integration.port.in.ListEventsUseCase.ListEventsQuery;
import org.openreferral.application.integration.port.out.EventType;

/** The event feed for admins and machine clients with scope {@code events:read}: events after a cursor. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class EventResource {

    private static final int DEFAULT_LIMIT = 100;

    private final ListEventsUseCase list;
    private final CallerProvider callers;
    private final EventMapper mapper;

    EventResource(ListEventsUseCase list, CallerProvider callers, EventMapper mapper) {
        this.list = list;
        this.callers = callers;
        this.mapper = mapper;
    }

    @GET
    public EventFeedResponse list(@RestQuery String after, @RestQuery String limit, @RestQuery List<String> type) {
        long cursor = number("after", after, 0, 0, Long.MAX_VALUE);
        int count = (int) number("limit", limit, DEFAULT_LIMIT, 1, ListEventsUseCase.MAX_LIMIT);
        return mapper.toResponse(list.list(new ListEventsQuery(callers.any(), cursor, types(type), count)));
    }

    /** A whole number from the query in [min, max]; absent means {@code fallback}; anything else is a 400. */
    private static long number(String field, String text, long fallback, long min, long max) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Fields.invalid(field, "must be a whole number");
        }
        if (value < min || value > max) {
            throw Fields.invalid(field, max == Long.MAX_VALUE ? "must be at least " + min
                    : "must be between " + min + " and " + max);
        }
        return value;
    }

    private static Set<EventType> types(List<String> slugs) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (slugs == null) {
            return types;
        }
        for (String slug : slugs) {
            types.add(EventType.ofSlug(slug).orElseThrow(() -> Fields.invalid("type", "must be an event type, one of "
                    + EnumSet.allOf(EventType.class).stream().map(EventType::slug).toList())));
        }
        return types;
    }
}
