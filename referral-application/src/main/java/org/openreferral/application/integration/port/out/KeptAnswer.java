package org.openreferral.application.integration.port.out;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The answer kept for an idempotency key: status, content type, {@code Location} (if any) and body bytes. */
public record KeptAnswer(int status, String contentType, Optional<String> location, byte[] body) {

    public KeptAnswer {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(location, "location");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * Whether this answer is kept and replayed: 2xx and 4xx, except 429 (the client should try again later, and then
     * run). A 5xx is not kept either: the request may run again.
     */
    public boolean kept() {
        return status >= 200 && status < 300 || status >= 400 && status < 500 && status != 429;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeptAnswer that && status == that.status && contentType.equals(that.contentType)
                && location.equals(that.location) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, location, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "KeptAnswer[status=" + status + ", contentType=" + contentType + ", location=" + location + ", body="
                + body.length + " bytes]";
    }
}
