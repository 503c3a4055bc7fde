package org.openreferral.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/**
 * The conformance check that every generated case goes through cannot be fooled: a status code, a body or a
 * header that the document does not describe fails it.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UndocumentedAnswersFailTest {

    @TestHTTPResource("/")
    URI base;

    private Conformance conformance;

    @BeforeEach
    void loadServedDocument() {
        conformance = new Conformance(ServedSpec.fetch().responseValidator());
    }

    @Test
    void aRealAnswerWithAStatusTheDocumentDoesNotListFails() {
        String token = Api.newUser().token();
        // The app answers 406 when a client accepts only HTML; the document lists no 406 for this operation.
        Http.Sent request = new Http.Sent("GET", "/api/v1/users/me",
                Map.of("Authorization", "Bearer " + token, "Accept", "text/html"), null);
        Http.Received response = Http.send(base, request);

        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/users/me", response, request))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no response defined for statusCode=406");
    }

    @Test
    void theSameOperationAnsweredAsDocumentedPasses() {
        String token = Api.newUser().token();
        Http.Sent request = new Http.Sent("GET", "/api/v1/users/me", Map.of("Authorization", "Bearer " + token), null);
        Http.Received response = Http.send(base, request);

        assertThatCode(() -> conformance.check("GET", "/api/v1/users/me", response, request)).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusCodeFails() {
        Http.Received teapot = new Http.Received(418, headers("application/problem+json"),
                "{\"type\":\"urn:openreferral:problem:teapot\",\"title\":\"I'm a teapot\",\"status\":418,\"code\":\"teapot\"}");

        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/referral-codes/active", teapot, "synthetic"))
                .hasMessageContaining("no response defined for statusCode=418");
    }

    @Test
    void aBodyThatBreaksItsSchemaFails() {
        Http.Received withoutRoles = new Http.Received(200, headers("application/json"),
                "{\"id\":\"9b2e6c1d-4f3a-4e8b-8c71-2a5d9e0f7b34\",\"username\":\"alice\",\"email\":\"alice@example.com\","
                        + "\"createdAt\":\"2026-05-01T08:00:00Z\",\"secret\":\"x\"}");

        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/users/me", withoutRoles, "synthetic"))
                .hasMessageContaining("invalid response");
    }

    @Test
    void aMissingDocumentedHeaderFails() {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of("application/json"));
        Http.Received withoutRequestId = new Http.Received(200, headers,
                "{\"code\":\"K7Q2M9XWPA\",\"expiresAt\":\"2026-12-01T12:00:00Z\"}");

        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/referral-codes/lookup", withoutRequestId, "synthetic"))
                .hasMessageContaining("X-Request-Id");
    }

    @Test
    void aClientErrorThatIsNotProblemJsonFails() {
        Http.Received plain = new Http.Received(404, headers("text/plain"), "not found");

        assertThatThrownBy(() -> conformance.check("GET", "/api/v1/referral-codes/active", plain, "synthetic"))
                .isInstanceOf(AssertionError.class);
    }

    private static Map<String, List<String>> headers(String contentType) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Content-Type", List.of(contentType));
        headers.put("X-Request-Id", List.of("test-1"));
        return headers;
    }
}
