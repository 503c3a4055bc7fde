package org.openreferral.adapter.rest.integration.dto;

import java.util.List;

/** A read of the event feed: the events, ascending, and the sequence to pass as {@code after} next. */
public record EventFeedResponse(List<EventResponse> items, long next) {
}
