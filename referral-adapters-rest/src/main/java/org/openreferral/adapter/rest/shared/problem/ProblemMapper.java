package org.openreferral.adapter.rest.shared.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openreferral.adapter.rest.shared.InvalidFieldException;
import org.openreferral.adapter.rest.shared.InvalidTextException;
import org.openreferral.application.shared.error.AuthenticationFailedException;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.application.shared.error.ServiceUnavailableException;
import org.openreferral.application.shared.error.TooManyRequestsException;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.error.ReferralException;
import org.openreferral.domain.error.RuleViolationException;

/**
 * The one place where errors become HTTP answers: every error is problem+json with a stable code, and no
 * stack trace, SQL or class name ever reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response referralError(ReferralException error, HttpServerRequest request) {
        List<ProblemDetail.FieldError> errors = null;
        String detail = error.getMessage();
        if (error instanceof InvalidFieldException invalid) {
            errors = List.of(new ProblemDetail.FieldError(invalid.field(), invalid.getMessage()));
            detail = invalid.field() + " " + invalid.getMessage();
        } else if (error instanceof InvalidValueException invalid) {
            // A value that no request field was named for: still the client's input, told in the model's words.
            detail = invalid.subject() + " " + invalid.getMessage();
        }
        Response.ResponseBuilder response = problem(statusOf(error), error.code(), detail, request, errors);
        if (error instanceof AuthenticationFailedException) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (error instanceof ServiceUnavailableException) {
            response.header(HttpHeaders.RETRY_AFTER, "5");
        }
        if (error instanceof TooManyRequestsException tooMany) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidBody(ConstraintViolationException error, HttpServerRequest request) {
        List<ProblemDetail.FieldError> errors = error.getConstraintViolations().stream()
                .map(violation -> new ProblemDetail.FieldError(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemDetail.FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        return problem(400, "validation-failed", detail, request, errors).build();
    }

    // The specific Jackson types are listed because Quarkus ships mappers for them that would win otherwise.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonMappingException.class})
    public Response unreadableBody(JsonProcessingException error, HttpServerRequest request) {
        if (error instanceof InvalidTextException invalid) {
            // Well-formed JSON holding a value no field accepts (control characters): the field is named.
            String field = pathOf(invalid);
            return problem(400, "validation-failed", field + " " + invalid.getOriginalMessage(), request,
                    List.of(new ProblemDetail.FieldError(field, invalid.getOriginalMessage()))).build();
        }
        String detail;
        List<ProblemDetail.FieldError> errors = null;
        if (error instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown property '" + unknown.getPropertyName() + "'.";
            errors = List.of(new ProblemDetail.FieldError(unknown.getPropertyName(), "is not a known property"));
        } else if (error instanceof InvalidFormatException || error instanceof MismatchedInputException) {
            String field = pathOf((JsonMappingException) error);
            detail = field.isEmpty() ? "The request body has the wrong shape." : field + " has the wrong type.";
            if (!field.isEmpty()) {
                errors = List.of(new ProblemDetail.FieldError(field, "has the wrong type"));
            }
        } else {
            detail = "The request body is not valid JSON.";
        }
        return problem(400, "malformed-request", detail, request, errors).build();
    }

    // A token refused after its signature was verified (logged out, unknown subject) carries the
    // application's reason as the cause; any other failure is the generic "unauthorized".
    @ServerExceptionMapper({UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException error, HttpServerRequest request) {
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException refused) {
                return problem(401, refused.code(), refused.getMessage(), request, null)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                        .build();
            }
        }
        return problem(401, "unauthorized", "A valid bearer access token is required.", request, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException error, HttpServerRequest request) {
        return problem(403, "forbidden", "You may not do this.", request, null).build();
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException error, HttpServerRequest request) {
        int status = error.getResponse().getStatus();
        if (status >= 500) {
            return internalError(error, request);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String code = known == null ? "http-" + status : slug(known.getReasonPhrase());
        String detail = status == 404 ? "No such resource." : known == null ? "Request refused." : known.getReasonPhrase() + ".";
        Response.ResponseBuilder response = problem(status, code, detail, request, null);
        error.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable error, HttpServerRequest request) {
        return internalError(error, request);
    }

    /** A bug on our side: logged with its stack trace, answered with no detail at all. */
    static Response internalError(Throwable error, HttpServerRequest request) {
        LOG.error("Unexpected error", error);
        return problem(500, "internal-error", "Something went wrong on our side.", request, null).build();
    }

    private static int statusOf(ReferralException error) {
        if (error instanceof InvalidFieldException || error instanceof InvalidValueException) {
            return 400;
        } else if (error instanceof AuthenticationFailedException) {
            return 401;
        } else if (error instanceof PermissionDeniedException) {
            return 403;
        } else if (error instanceof TooManyRequestsException) {
            return 429;
        } else if (error instanceof InvalidTokenException) {
            return 400;
        } else if (error instanceof NotFoundException) {
            return 404;
        } else if (error instanceof ConflictException) {
            return 409;
        } else if (error instanceof RuleViolationException) {
            return 422;
        } else if (error instanceof ServiceUnavailableException) {
            return 503;
        }
        return 400;
    }

    static Response.ResponseBuilder problem(int status, String code, String detail, HttpServerRequest request,
                                           List<ProblemDetail.FieldError> errors) {
        ProblemDetail body = ProblemDetail.of(status, code, detail, request == null ? null : request.path(), errors);
        return Response.status(status).type(ProblemDetail.MEDIA_TYPE).entity(body);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Parameter paths read "method.argN.field"; clients know only the field.
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String pathOf(JsonMappingException error) {
        return error.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String slug(String phrase) {
        return phrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
