package org.openreferral.adapter.rest.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.UserId;

/** Reads query, path and date values by hand, so that a bad one is a 400 (or 404) rather than JAX-RS's guess. */
public final class RequestParsing {

    private RequestParsing() {
    }

    /** The last page anyone may ask for; beyond it the row offset would overflow the database query (a 500). */
    public static final int MAX_PAGE = 1_000_000;
    private static final Map<String, String> PAGE_FIELDS = Map.of(PageRequest.PAGE, "page", PageRequest.SIZE, "size");

    /** Page and size from the query; absent means 1 and 50; anything but a whole number in range is a 400. */
    public static PageRequest page(String page, String size) {
        int number = number("page", page, 1);
        if (number > MAX_PAGE) {
            throw Fields.invalid("page", "must be at most " + MAX_PAGE);
        }
        int items = number("size", size, PageRequest.DEFAULT_SIZE);
        return Fields.reporting(PAGE_FIELDS, () -> new PageRequest(number, items));
    }

    /**
     * Keyset paging from {@code cursor} and {@code size}, when a cursor is given (absent or empty means numbered
     * pages: empty). A cursor next to {@code page} is a 400, since the two say different things about where to start.
     */
    public static Optional<CursorRequest> cursor(String cursor, String page, String size) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        if (page != null && !page.isEmpty()) {
            throw Fields.invalid(Cursors.FIELD, "cannot be combined with page; send one or the other");
        }
        int items = number("size", size, PageRequest.DEFAULT_SIZE);
        Position after = Cursors.decode(cursor);
        return Optional.of(Fields.reporting(Map.of(PageRequest.SIZE, "size"), () -> CursorRequest.after(after, items)));
    }

    private static int number(String field, String text, int fallback) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Fields.invalid(field, "must be a whole number");
        }
    }

    /**
     * An instant with an offset ({@code 2026-12-01T12:00:00Z}, {@code +02:00}) or without one
     * ({@code 2026-12-01T12:00}, {@code 2026-12-01 12:00}), which is read as UTC.
     */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            throw Fields.invalid(field, "is required");
        }
        String iso = text.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw Fields.invalid(field,
                        "must be an ISO-8601 date-time such as 2026-12-01T12:00:00Z (without an offset it is read as UTC)");
            }
        }
    }

    /** A referral code path segment; one that cannot be a code names none of the caller's, so it is a 404. */
    public static CodeValue code(String text) {
        try {
            return new CodeValue(text);
        } catch (InvalidValueException e) {
            throw NotFoundException.referralCode();
        }
    }

    /** A user id path segment; one that is not a UUID names no user, so it is a 404. */
    public static UserId userId(String text) {
        return new UserId(uuid(text, NotFoundException::user));
    }

    /** A referral id path segment; one that is not a UUID names no referral, so it is a 404. */
    public static ReferralId referralId(String text) {
        return new ReferralId(uuid(text, NotFoundException::referral));
    }

    /** An id path segment; one that is not a UUID in its canonical form names nothing, so it is a 404. */
    public static UUID uuid(String text, Supplier<NotFoundException> notFound) {
        return canonicalUuid(text).orElseThrow(notFound);
    }

    /** An optional id query parameter: absent or empty is none, anything but a canonical UUID a 400 naming it. */
    public static Optional<UUID> uuidParameter(String field, String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(canonicalUuid(text).orElseThrow(() -> Fields.invalid(field, "must be a UUID")));
    }

    // UUID.fromString also takes shortened groups ("1-2-3-4-5"); only the canonical form is an id here.
    private static Optional<UUID> canonicalUuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
