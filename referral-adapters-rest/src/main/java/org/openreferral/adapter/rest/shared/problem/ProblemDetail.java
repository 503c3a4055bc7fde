package org.openreferral.adapter.rest.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document with the service's stable {@code code} slug and per-field errors. Registered for
 * reflection: it leaves as a plain {@code Response} entity or through the ObjectMapper, which a native build's
 * analysis does not see.
 */
@RegisterForReflection(targets = {ProblemDetail.class, ProblemDetail.FieldError.class})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance, String code,
                            List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:openreferral:problem:";

    /** The problem for a status and a stable code: its type URN and its title (the status' reason phrase). */
    public static ProblemDetail of(int status, String code, String detail, String instance, List<FieldError> errors) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return new ProblemDetail(TYPE_PREFIX + code, title, status, detail, instance, code, errors);
    }

    /** One invalid request field. */
    public record FieldError(String field, String message) {
    }
}
