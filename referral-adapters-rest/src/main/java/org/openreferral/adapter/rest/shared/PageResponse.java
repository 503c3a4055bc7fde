package org.openreferral.adapter.rest.shared;

import java.util.List;
import org.openreferral.application.shared.Page;

/** One page of a list. */
public record PageResponse<T>(List<T> items, long total, int page, int size, long pages) {

    /** The page's numbers around items already mapped to their response type. */
    public static <T> PageResponse<T> of(Page<?> page, List<T> items) {
        return new PageResponse<>(items, page.total(), page.page(), page.size(), page.pages());
    }
}
