package org.openreferral.application.shared;

import org.openreferral.domain.error.InvalidValueException;

/** A 1-based page of at most {@value #MAX_SIZE} items. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 100;
    /** What the {@link InvalidValueException}s of a page request name as invalid: its number, or its size. */
    public static final String PAGE = "page";
    public static final String SIZE = "page size";

    public PageRequest {
        if (page < 1) {
            throw new InvalidValueException(PAGE, "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidValueException(SIZE, "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
