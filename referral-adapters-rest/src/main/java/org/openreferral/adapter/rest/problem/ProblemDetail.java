package org.openreferral.adapter.rest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document with the service's stable {@code code} slug and per-field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance, String code,
                            List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid request field. */
    public record FieldError(String field, String message) {
    }
}
