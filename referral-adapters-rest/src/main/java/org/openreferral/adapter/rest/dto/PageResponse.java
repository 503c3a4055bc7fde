package org.openreferral.adapter.rest.dto;

import java.util.List;

/** One page of a list. */
public record PageResponse<T>(List<T> items, long total, int page, int size, long pages) {
}
