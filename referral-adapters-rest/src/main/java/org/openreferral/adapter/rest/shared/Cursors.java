package org.openreferral.adapter.rest.shared;

import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import org.openreferral.application.shared.Position;

/**
 * The opaque {@code cursor} of keyset paging: base64url (no padding) of a version byte, the position (epoch second,
 * nanosecond, id) and a CRC-32 of those. A cursor that does not decode to exactly that, or whose check does not
 * match, is a 400 naming the field; a cursor carries no authority, since every list is still read for its caller.
 */
public final class Cursors {

    /** The query parameter a cursor travels in. */
    public static final String FIELD = "cursor";
    private static final byte VERSION = 1;
    private static final int BODY = 1 + Long.BYTES + Integer.BYTES + 2 * Long.BYTES;
    private static final int LENGTH = BODY + Integer.BYTES;
    /** Longest text a valid cursor can be; longer text is refused before it is decoded. */
    private static final int MAX_TEXT = (LENGTH * 4 + 2) / 3;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Cursors() {
    }

    public static String encode(Position position) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH)
                .put(VERSION)
                .putLong(position.createdAt().getEpochSecond())
                .putInt(position.createdAt().getNano())
                .putLong(position.id().getMostSignificantBits())
                .putLong(position.id().getLeastSignificantBits());
        bytes.putInt((int) check(bytes.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The position of a cursor this service issued; anything else is a 400 for the {@code cursor} field. */
    public static Position decode(String text) {
        if (text.length() > MAX_TEXT) {
            throw invalid();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length != LENGTH || raw[0] != VERSION) {
            throw invalid();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        bytes.position(1);
        long seconds = bytes.getLong();
        int nanos = bytes.getInt();
        UUID id = new UUID(bytes.getLong(), bytes.getLong());
        if (bytes.getInt() != (int) check(raw)) {
            throw invalid();
        }
        Instant createdAt;
        try {
            createdAt = Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException | ArithmeticException e) {
            throw invalid();
        }
        if (nanos < 0 || nanos > 999_999_999 || createdAt.isBefore(EARLIEST) || createdAt.isAfter(LATEST)) {
            throw invalid();
        }
        return new Position(createdAt, id);
    }

    private static long check(byte[] raw) {
        CRC32 crc = new CRC32();
        crc.update(raw, 0, BODY);
        return crc.getValue();
    }

    private static InvalidFieldException invalid() {
        return Fields.invalid(FIELD, "is not a cursor this list gave out; start again without it");
    }
}
