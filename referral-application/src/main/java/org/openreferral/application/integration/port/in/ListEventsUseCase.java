package org.openreferral.application.integration.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.integration.port.out.EventType;
import org.openreferral.application.shared.Caller;

/** Use case: the event feed, read by cursor (events with a sequence above {@code after}), for admins and clients. */
public interface ListEventsUseCase {

    /** The most events one read returns. */
    int MAX_LIMIT = 500;

    EventFeed list(ListEventsQuery query);

    /** Who asks, the cursor, the types wanted (all if empty) and how many at most (1 to {@link #MAX_LIMIT}). */
    record ListEventsQuery(Caller caller, long after, Set<EventType> types, int limit) {

        public ListEventsQuery {
            Objects.requireNonNull(caller, "caller");
            types = Set.copyOf(types);
            if (after < 0) {
                throw new IllegalArgumentException("after must not be negative");
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
            }
        }
    }

    /** Events in ascending sequence, and the cursor to pass as {@code after} next time. */
    record EventFeed(List<EventView> items, long next) {

        public EventFeed {
            items = List.copyOf(items);
        }
    }

    /** One event of the feed. */
    record EventView(UUID id, long sequence, String type, Instant createdAt, Map<String, Object> data) {
    }
}
