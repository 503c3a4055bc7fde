package org.openreferral.adapter.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;

/**
 * One page of a list that can also be read by cursor. By page number it is a {@link PageResponse} with {@code next};
 * by cursor it holds only {@code items}, {@code size} and {@code next} (no count of the whole list). {@code next} is
 * the cursor of the items that follow, null on the last page.
 */
public record KeysetPageResponse<T>(List<T> items,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Long total,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer page,
                                    int size,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Long pages,
                                    String next) {

    /** A numbered page; {@code last} is the position of its last item, if it has any. */
    public static <T> KeysetPageResponse<T> of(Page<?> page, List<T> items, Position last) {
        String next = last != null && page.page() < page.pages() ? Cursors.encode(last) : null;
        return new KeysetPageResponse<>(items, page.total(), page.page(), page.size(), page.pages(), next);
    }

    /** A run read by cursor. */
    public static <T> KeysetPageResponse<T> of(Slice<?> slice, List<T> items) {
        return new KeysetPageResponse<>(items, null, null, slice.size(), null,
                slice.next().map(Cursors::encode).orElse(null));
    }
}
