package org.openreferral.adapter.rest.integration;

import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.integration.dto.EventFeedResponse;
import org.openreferral.adapter.rest.integration.dto.EventResponse;
import org.openreferral.application.integration.port.in.ListEventsUseCase.EventFeed;
import org.openreferral.application.integration.port.in.ListEventsUseCase.EventView;

/** Events of the feed to their wire form. */
@Mapper(componentModel = "jakarta-cdi")
public interface EventMapper {

    default EventFeedResponse toResponse(EventFeed feed) {
        return new EventFeedResponse(feed.items().stream().map(this::toResponse).toList(), feed.next());
    }

    default EventResponse toResponse(EventView event) {
        return new EventResponse(event.id().toString(), event.sequence(), event.type(), event.createdAt(),
                event.data());
    }
}
