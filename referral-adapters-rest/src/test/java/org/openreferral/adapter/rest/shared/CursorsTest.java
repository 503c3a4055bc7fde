package org.openreferral.adapter.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Position;

class CursorsTest {

    private static final Position POSITION = new Position(Instant.parse("2026-03-01T10:00:00.123456Z"),
            UUID.fromString("7f1c2a9e-1b2c-4d5e-8f90-0a1b2c3d4e5f"));

    @Test
    void aCursorIsOpaqueUrlSafeTextThatGivesBackItsPosition() {
        String cursor = Cursors.encode(POSITION);

        assertThat(cursor).matches("[A-Za-z0-9_-]{44}");
        assertThat(Cursors.decode(cursor)).isEqualTo(POSITION);
    }

    @Test
    void aCursorWithAnyCharacterChangedIsRefused() {
        String cursor = Cursors.encode(POSITION);
        for (int i = 0; i < cursor.length(); i++) {
            char changed = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, i) + changed + cursor.substring(i + 1);
            assertRefused(tampered);
        }
    }

    @Test
    void malformedCursorsAreRefusedUnderTheCursorField() {
        String cursor = Cursors.encode(POSITION);
        assertRefused("not a cursor");
        assertRefused(cursor.substring(1));
        assertRefused(cursor + "AAAA");
        assertRefused(cursor + "=");
        assertRefused("x".repeat(10_000));
        assertRefused(Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[33]));
    }

    @Test
    void aWellCheckedCursorOutsideTheDatabasesTimeRangeIsRefused() {
        assertRefused(forged(Long.MAX_VALUE, 0));
        assertRefused(forged(Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond(), 0));
        assertRefused(forged(0, -1));
        assertThat(Cursors.decode(forged(0, 5))).isEqualTo(new Position(Instant.ofEpochSecond(0, 5), new UUID(1, 2)));
    }

    @Test
    void aCursorGoesWithSizeButNotWithPage() {
        String cursor = Cursors.encode(POSITION);

        assertThat(RequestParsing.cursor(cursor, null, "10")).contains(CursorRequest.after(POSITION, 10));
        assertThat(RequestParsing.cursor(cursor, "", null)).contains(CursorRequest.after(POSITION, 50));
        assertThat(RequestParsing.cursor(null, "2", "10")).isEmpty();
        assertThat(RequestParsing.cursor("", "2", "10")).isEqualTo(Optional.empty());
        assertInvalid(() -> RequestParsing.cursor(cursor, "1", null), "cursor");
        assertInvalid(() -> RequestParsing.cursor(cursor, null, "101"), "size");
        assertInvalid(() -> RequestParsing.cursor(cursor, null, "x"), "size");
    }

    private static String forged(long seconds, int nanos) {
        ByteBuffer bytes = ByteBuffer.allocate(33).put((byte) 1).putLong(seconds).putInt(nanos).putLong(1).putLong(2);
        CRC32 crc = new CRC32();
        crc.update(bytes.array(), 0, 29);
        bytes.putInt((int) crc.getValue());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static void assertRefused(String cursor) {
        assertInvalid(() -> Cursors.decode(cursor), "cursor");
    }

    private static void assertInvalid(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
