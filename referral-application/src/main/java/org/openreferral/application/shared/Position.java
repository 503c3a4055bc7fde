package org.openreferral.application.shared;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a newest-first list continues: the creation time and id of the last item already read. The id breaks ties
 * in creation time, compared as PostgreSQL compares uuids (unsigned, byte by byte), so every item has one place.
 */
public record Position(Instant createdAt, UUID id) {

    /** Newest first: the later creation time first, and of equal ones the greater id first. */
    public static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::createdAt)
            .thenComparing(Position::id, Position::compareUnsigned)
            .reversed();

    public Position {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    /** Whether an item at {@code other} comes after this position in newest-first order. */
    public boolean precedes(Position other) {
        return NEWEST_FIRST.compare(this, other) < 0;
    }

    private static int compareUnsigned(UUID left, UUID right) {
        int high = Long.compareUnsigned(left.getMostSignificantBits(), right.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(left.getLeastSignificantBits(), right.getLeastSignificantBits());
    }
}
