package org.openreferral.application.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One run of a newest-first list read by {@link CursorRequest}: its items and, unless it is the last, the position
 * the next run starts after. No total: counting would read the whole list.
 */
public record Slice<T>(List<T> items, int size, Optional<Position> next) {

    public Slice {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The run that {@code request} asked for, out of up to {@link CursorRequest#lookahead()} items read in order:
     * an item beyond the size means that more follow, after the last one kept.
     */
    public static <T> Slice<T> of(List<T> read, CursorRequest request, Function<? super T, Position> position) {
        if (read.size() <= request.size()) {
            return new Slice<>(read, request.size(), Optional.empty());
        }
        List<T> kept = read.subList(0, request.size());
        return new Slice<>(kept, request.size(), Optional.of(position.apply(kept.get(kept.size() - 1))));
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), size, next);
    }
}
