package org.openreferral.application.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openreferral.domain.error.InvalidValueException;

class PositionTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void newerComesFirstAndTiesGoByIdComparedAsUnsignedBytesAsPostgresqlDoes() {
        Position low = new Position(T, UUID.fromString("00000000-0000-0000-0000-000000000001"));
        Position high = new Position(T, UUID.fromString("f0000000-0000-0000-0000-000000000000"));
        Position newer = new Position(T.plusMillis(1), UUID.fromString("00000000-0000-0000-0000-000000000000"));

        assertThat(List.of(low, newer, high).stream().sorted(Position.NEWEST_FIRST).toList())
                .containsExactly(newer, high, low);
        assertThat(high.precedes(low)).isTrue();
        assertThat(low.precedes(high)).isFalse();
        assertThat(low.precedes(low)).isFalse();
    }

    @Test
    void sliceTellsTheNextPositionOnlyWhenMoreWereReadThanAsked() {
        CursorRequest two = CursorRequest.first(2);

        Slice<Integer> more = Slice.of(List.of(3, 2, 1), two, n -> new Position(T.plusSeconds(n), new UUID(0, n)));
        Slice<Integer> last = Slice.of(List.of(3, 2), two, n -> new Position(T.plusSeconds(n), new UUID(0, n)));

        assertThat(more.items()).containsExactly(3, 2);
        assertThat(more.next()).contains(new Position(T.plusSeconds(2), new UUID(0, 2)));
        assertThat(last.items()).containsExactly(3, 2);
        assertThat(last.next()).isEmpty();
    }

    @Test
    void cursorSizeFollowsThePageSizeRules() {
        assertThatThrownBy(() -> new CursorRequest(Optional.empty(), 0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new CursorRequest(Optional.empty(), PageRequest.MAX_SIZE + 1))
                .isInstanceOf(InvalidValueException.class);
        assertThat(CursorRequest.first(PageRequest.MAX_SIZE).lookahead()).isEqualTo(PageRequest.MAX_SIZE + 1);
    }
}
