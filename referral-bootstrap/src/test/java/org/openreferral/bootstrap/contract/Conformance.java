package org.openreferral.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cornutum.tcases.openapi.test.ResponseValidator;

/** The one check every response of the conformance tests goes through: it must be exactly what the document says. */
final class Conformance {

    private final ResponseValidator validator;

    Conformance(ResponseValidator validator) {
        this.validator = validator;
    }

    /**
     * The status must be documented for the operation, the content type and body must match its schema, documented
     * headers must be present and valid, and every 4xx must be problem+json.
     */
    void check(String method, String pathTemplate, Http.Received response, Object request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers());
        try {
            validator.assertBodyValid(method, pathTemplate, response.status(), response.contentType(), response.body());
            validator.assertHeadersValid(method, pathTemplate, response.status(), headers);
        } catch (RuntimeException e) {
            throw new AssertionError("Response does not conform to the served OpenAPI document: " + e.getMessage()
                    + "\n  request:  " + request + "\n  response: " + response, e);
        }
        if (response.status() >= 400 && response.status() < 500) {
            assertThat(response.contentType()).as("4xx content type, for %s", request)
                    .startsWith("application/problem+json");
        }
    }
}
