package org.openreferral.application.fakes;

import java.util.List;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Cuts one page out of a fully sorted list. */
final class Pages {

    private Pages() {
    }

    static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size());
        return Page.of(all.subList(from, to), all.size(), request);
    }
}
