package org.openreferral.adapter.rest.shared;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that honours {@code Idempotency-Key} (API.md "Idempotency"): the integration slice's filter
 * claims the key before the method runs and replays the kept answer instead of running it again. Applying it to one
 * more endpoint is this one annotation (and the header, 409 and 422 in openapi.yaml).
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /** The request header that carries the key. */
    String KEY_HEADER = "Idempotency-Key";

    /** The response header that marks a replayed answer. */
    String REPLAYED_HEADER = "Idempotent-Replayed";
}
