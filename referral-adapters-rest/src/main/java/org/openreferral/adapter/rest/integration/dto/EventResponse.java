package org.openreferral.adapter.rest.integration.dto;

import java.time.Instant;
import java.util.Map;

/** One event of the feed: its id (the webhook-id), sequence, type slug, time and type-specific data. */
public record EventResponse(String id, long sequence, String type, Instant createdAt, Map<String, Object> data) {
}
