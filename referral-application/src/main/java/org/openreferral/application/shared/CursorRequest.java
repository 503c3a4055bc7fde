package org.openreferral.application.shared;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.error.InvalidValueException;

/**
 * Keyset paging: at most {@code size} items of a newest-first list, those after {@code after} or, without it, from
 * the newest. The size follows the rules of {@link PageRequest}.
 */
public record CursorRequest(Optional<Position> after, int size) {

    public CursorRequest {
        Objects.requireNonNull(after, "after");
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new InvalidValueException(PageRequest.SIZE, "must be between 1 and " + PageRequest.MAX_SIZE);
        }
    }

    /** The newest {@code size} items. */
    public static CursorRequest first(int size) {
        return new CursorRequest(Optional.empty(), size);
    }

    /** The {@code size} items after {@code position}. */
    public static CursorRequest after(Position position, int size) {
        return new CursorRequest(Optional.of(position), size);
    }

    /** How many items a store reads for this request: one more than it answers, to tell whether more follow. */
    public int lookahead() {
        return size + 1;
    }
}
