package org.openreferral.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.cornutum.tcases.openapi.resolver.MessageData;
import org.cornutum.tcases.openapi.resolver.ParamData;
import org.cornutum.tcases.openapi.resolver.ParamDef.Location;
import org.cornutum.tcases.openapi.resolver.RequestCase;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueJson;
import org.cornutum.tcases.openapi.testwriter.encoder.DataValueText;
import org.cornutum.tcases.openapi.testwriter.encoder.FormParameterEncoder;
import org.cornutum.tcases.openapi.testwriter.encoder.FormUrlEncoder;
import org.cornutum.tcases.openapi.testwriter.encoder.SimpleValueEncoder;
import org.cornutum.tcases.openapi.testwriter.encoder.UriEncoder.Component;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openreferral.adapter.rest.shared.Cursors;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.application.shared.Position;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/**
 * Spec conformance: Tcases generates request cases from the document the running app serves at {@code /openapi}
 * (every operation; valid inputs and each way an input can be invalid), they are sent to the app, and
 * <ul>
 *   <li>a valid request must get one of the operation's documented 2xx, an invalid one a documented 4xx;</li>
 *   <li>every response (status, content type, body, documented headers) must match the document
 *       ({@link Conformance}), so an undocumented status code fails the case.</li>
 * </ul>
 * What no schema can say (an account to log in with, an id or code that exists, a username nobody has) is supplied
 * by {@link Fixtures} for the inputs a case keeps valid; the inputs a case makes invalid are sent as generated.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class GeneratedRequestCasesTest {

    /** Fixed, so a failure reproduces; -Dcontract.seed=N explores other values. */
    private static final long SEED = Long.getLong("contract.seed", 20260601L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BODY_PROPERTY = Pattern.compile("Properties\\.([A-Za-z_]+)\\.");
    private static final Pattern FORM_PROPERTY =
            Pattern.compile("^Body\\.application-x-www-form-urlencoded\\.Value\\.Properties\\.([A-Za-z_]+)\\.");
    private static final Pattern JSON_PROPERTY =
            Pattern.compile("^Body\\.application-json\\.Value\\.Properties\\.([A-Za-z_]+)\\.");
    private static final Pattern TYPE_CHANGED = Pattern.compile("\\.Type=(Not|null)\\b");
    /** The token form's properties each grant reads; the others it ignores. */
    private static final Map<String, Set<String>> GRANT_PROPERTIES = Map.of(
            "password", Set.of("grant_type", "username", "password"),
            "refresh_token", Set.of("grant_type", "refresh_token"),
            "client_credentials", Set.of("grant_type", "client_id", "client_secret", "scope"));

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    TokenSecrets tokenSecrets;

    @TestFactory
    Stream<DynamicTest> everyGeneratedRequestCaseGetsADocumentedAnswer() {
        ServedSpec spec = ServedSpec.fetch();
        Conformance conformance = new Conformance(spec.responseValidator());
        Fixtures fixtures = new Fixtures(dataSource, tokenSecrets);
        List<RequestCase> cases = spec.requestCases(SEED);
        assertThat(cases).hasSizeGreaterThan(100);
        return cases.stream()
                .filter(requestCase -> transportable(requestCase, spec))
                .map(requestCase -> DynamicTest.dynamicTest(name(requestCase),
                        () -> run(requestCase, fixtures, conformance)));
    }

    @Test
    void everyDocumentedOperationHasGeneratedCases() {
        ServedSpec spec = ServedSpec.fetch();
        var covered = spec.requestCases(SEED).stream()
                .map(c -> c.getOperation().toUpperCase() + " " + c.getPath()).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(
                spec.operations().stream().map(ServedSpec.Op::key).toList());
    }

    private void run(RequestCase requestCase, Fixtures fixtures, Conformance conformance) {
        Http.Sent request = new Builder(requestCase, fixtures).build();
        Http.Received response = Http.send(base, request);
        String expectation = requestCase.isFailure()
                ? "a documented 4xx for invalid input " + requestCase.getInvalidInput()
                : "a documented 2xx";
        if (requestCase.isFailure()) {
            assertThat(response.status()).as("%s\n  request:  %s\n  response: %s", expectation, request, response)
                    .isBetween(400, 499);
        } else {
            assertThat(response.status()).as("%s\n  request:  %s\n  response: %s", expectation, request, response)
                    .isBetween(200, 299);
        }
        conformance.check(requestCase.getOperation().toUpperCase(), requestCase.getPath(), response, request);
    }

    private static String name(RequestCase requestCase) {
        return requestCase.getOperation().toUpperCase() + " " + requestCase.getPath() + " #" + requestCase.getId() + " "
                + (requestCase.isFailure() ? "invalid " + requestCase.getInvalidInput() : "valid");
    }

    /**
     * Some invalid values cannot be told apart from valid ones on the wire: a path parameter that is absent or null
     * sends the request to another route (or the same one with an empty segment); a query value that encodes to
     * nothing ({@code size=}) is, as documented, the same as no value; and query and form values are all text, so a
     * "not a string" or null value of a text parameter arrives as a string like any other. Such cases test HTTP,
     * not this API.
     */
    private static boolean transportable(RequestCase requestCase, ServedSpec spec) {
        for (ParamData param : requestCase.getParams()) {
            if (param.isValid()) {
                continue;
            }
            if (param.getLocation() == Location.PATH && (param.getValue() == null || param.getValue().getValue() == null
                    || SimpleValueEncoder.encode(param, Component.NONE).isEmpty())) {
                return false;
            }
            // Header values are text like query values: a "not a string" key arrives as a string like any other.
            if (param.getLocation() == Location.HEADER
                    && requestCase.getInvalidInput().startsWith(param.getName() + ".") && TYPE_CHANGED.matcher(requestCase.getInvalidInput()).find()) {
                return false;
            }
            if (param.getLocation() == Location.QUERY && param.getValue() != null
                    && FormParameterEncoder.encode(param, Component.QUERY).stream().allMatch(e -> e.getValue() == null || e.getValue().isEmpty())) {
                return false;
            }
            if (param.getLocation() == Location.QUERY && TYPE_CHANGED.matcher(requestCase.getInvalidInput()).find()
                    && spec.isTextQueryParameter(requestCase.getOperation(), requestCase.getPath(), param.getName())) {
                return false;
            }
        }
        MessageData body = requestCase.getBody();
        Matcher property = FORM_PROPERTY.matcher(String.valueOf(requestCase.getInvalidInput()));
        if (body != null && !body.isValid() && property.find()) {
            return !TYPE_CHANGED.matcher(requestCase.getInvalidInput()).find() && !ignoredByItsGrant(requestCase, property.group(1));
        }
        // The JSON token request likewise; a value of the wrong type is still refused there (strict JSON).
        Matcher jsonProperty = JSON_PROPERTY.matcher(String.valueOf(requestCase.getInvalidInput()));
        if (body != null && !body.isValid() && jsonProperty.find()) {
            return TYPE_CHANGED.matcher(requestCase.getInvalidInput()).find()
                    || !ignoredByItsGrant(requestCase, jsonProperty.group(1));
        }
        return true;
    }

    /**
     * RFC 6749 has the token endpoint ignore the parameters a grant does not use (section 3.2), so an invalid
     * {@code username} next to {@code grant_type=refresh_token} makes a valid refresh request.
     */
    private static boolean ignoredByItsGrant(RequestCase requestCase, String property) {
        if (!requestCase.getPath().endsWith("/auth/token")) {
            return false;
        }
        String grant = FormUrlEncoder.encode(requestCase.getBody().getValue(), false).stream()
                .filter(entry -> entry.getKey().equals("grant_type") && entry.getValue() != null)
                .map(Map.Entry::getValue)
                .findFirst().orElse("password");
        return !GRANT_PROPERTIES.getOrDefault(grant, Set.of()).contains(property);
    }

    /** Turns one Tcases request case into bytes on the wire, with fixtures for the inputs it keeps valid. */
    private static final class Builder {

        private final RequestCase requestCase;
        private final Fixtures fixtures;
        private final String operation;
        private final String invalidProperty;
        private Fixtures.Account account;
        private Fixtures.Client client;
        private String code;
        private String referrerCode;

        Builder(RequestCase requestCase, Fixtures fixtures) {
            this.requestCase = requestCase;
            this.fixtures = fixtures;
            this.operation = requestCase.getOperation().toUpperCase() + " " + requestCase.getPath();
            Matcher property = BODY_PROPERTY.matcher(String.valueOf(requestCase.getInvalidInput()));
            this.invalidProperty = property.find() ? property.group(1) : null;
        }

        Http.Sent build() {
            Map<String, String> headers = new LinkedHashMap<>();
            String path = requestCase.getPath();
            List<Map.Entry<String, String>> query = new ArrayList<>();
            for (ParamData param : requestCase.getParams()) {
                if (param.getValue() == null) {
                    continue; // not defined in this case
                }
                switch (param.getLocation()) {
                    case PATH -> path = path.replace("{" + param.getName() + "}", param.isValid()
                            ? encode(pathFixture(param.getName()))
                            : encode(SimpleValueEncoder.encode(param, Component.NONE)));
                    case QUERY -> {
                        if (param.isValid() && param.getName().equals("email")) {
                            query.add(new SimpleEntry<>("email", encode(accountWithCode().email())));
                        } else if (param.isValid() && param.getName().equals(Cursors.FIELD)) {
                            // No schema can say "a cursor this service gave out": a valid one is a real cursor.
                            query.add(new SimpleEntry<>(Cursors.FIELD, Cursors.encode(new Position(Instant.now(),
                                    UUID.randomUUID()))));
                        } else {
                            // Netty splits a query string at ';' as well as '&' (as HTML 4 advised), so a raw ';'
                            // would end the value; clients percent-encode it (URLSearchParams does).
                            FormParameterEncoder.encode(param, Component.QUERY).forEach(entry -> query.add(
                                    new SimpleEntry<>(entry.getKey(), entry.getValue() == null ? null
                                            : entry.getValue().replace(";", "%3B"))));
                        }
                    }
                    // A valid Idempotency-Key is a fresh one, as a client makes it: generated ones repeat across
                    // cases with other bodies (a documented 422), and no schema can say "unused".
                    case HEADER -> headers.put(param.getName(),
                            param.isValid() && param.getName().equals("Idempotency-Key") ? UUID.randomUUID().toString()
                                    : DataValueText.toText(param.getValue()));
                    default -> throw new IllegalStateException("unexpected parameter " + param);
                }
            }
            // page and cursor are each valid, but not together (a documented 400): a valid case reads by cursor.
            if (!requestCase.isFailure() && query.stream().anyMatch(entry -> entry.getKey().equals(Cursors.FIELD))) {
                query.removeIf(entry -> entry.getKey().equals("page"));
            }
            if (requestCase.getAuthDefs().iterator().hasNext()) {
                headers.put("Authorization", "Bearer " + (adminOnly() ? admin().accessToken() : account().accessToken()));
            }
            if (operation.equals("GET /api/v1/referral-codes/active") && !requestCase.isFailure()) {
                activeCode();
            }
            String body = body(headers);
            String target = path + (query.isEmpty() ? "" : "?" + query.stream()
                    .map(entry -> entry.getValue() == null ? entry.getKey() : entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("&")));
            return new Http.Sent(requestCase.getOperation().toUpperCase(), target, headers, body);
        }

        private String body(Map<String, String> headers) {
            MessageData body = requestCase.getBody();
            if (body == null || body.getValue() == null) {
                return null;
            }
            String mediaType = body.getMediaType();
            headers.put("Content-Type", mediaType);
            if (mediaType.equals("application/json")) {
                try {
                    JsonNode json = JSON.readTree(DataValueJson.toJson(body.getValue()));
                    if (json instanceof ObjectNode object) {
                        withFixtures(object);
                    }
                    return JSON.writeValueAsString(json);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            if (mediaType.equals("application/x-www-form-urlencoded")) {
                ObjectNode form = JSON.createObjectNode();
                FormUrlEncoder.encode(body.getValue(), false).forEach(entry -> form.put(entry.getKey(), entry.getValue()));
                if (!bodyItselfInvalid()) {
                    withFixtures(form);
                }
                return formText(form);
            }
            return DataValueText.toText(body.getValue());
        }

        /** The case's invalid input is the body as a whole (null, not an object), not one of its properties. */
        private boolean bodyItselfInvalid() {
            return requestCase.isFailure() && invalidProperty == null
                    && String.valueOf(requestCase.getInvalidInput()).startsWith("Body.");
        }

        /** The body's properties that name server state, replaced by real ones where this case keeps them valid. */
        private void withFixtures(ObjectNode body) {
            switch (operation) {
                case "POST /api/v1/auth/register", "POST /api/v1/auth/register/{referralCode}" -> {
                    replaceIfPresent(body, "username", Fixtures::uniqueUsername);
                    replaceIfPresent(body, "email", Fixtures::uniqueEmail);
                    if (body.hasNonNull("referralCode") && !"referralCode".equals(invalidProperty)) {
                        body.put("referralCode", referrerCode());
                    }
                }
                case "POST /api/v1/auth/token" -> {
                    String grant = body.path("grant_type").asText("password");
                    if (grant.equals("refresh_token")) {
                        replace(body, "refresh_token", () -> account().refreshToken());
                    } else if (grant.equals("client_credentials")) {
                        replace(body, "client_id", () -> client().id());
                        replace(body, "client_secret", () -> client().secret());
                        replaceIfPresent(body, "scope", () -> "referrals:read");
                    } else {
                        replace(body, "username", () -> account().username());
                        replace(body, "password", () -> Api.PASSWORD);
                    }
                }
                case "POST /api/v1/referral-codes" -> {
                    replace(body, "expiresAt", () -> Instant.now().plus(Duration.ofDays(30)).toString());
                    if (body.hasNonNull("code") && !"code".equals(invalidProperty)) {
                        body.put("code", Fixtures.uniqueCode());
                    }
                }
                case "POST /api/v1/webhooks", "PATCH /api/v1/webhooks/{id}" -> {
                    replaceIfPresent(body, "url", () -> Fixtures.WEBHOOK_URL);
                    if (body.has("events") && !"events".equals(invalidProperty)) {
                        body.putArray("events").add("referral.rewarded");
                    }
                }
                case "POST /api/v1/auth/password-reset" -> replace(body, "email", () -> account().email());
                case "POST /api/v1/auth/password-reset/confirm" -> {
                    replace(body, "token", () -> fixtures.resetToken(account()));
                    replace(body, "newPassword", () -> Fixtures.NEW_PASSWORD);
                }
                case "POST /api/v1/auth/email-verification/confirm" ->
                        replace(body, "token", () -> fixtures.verificationToken(account()));
                default -> {
                }
            }
        }

        private void replaceIfPresent(ObjectNode body, String property, Supplier<String> value) {
            if (body.has(property)) {
                replace(body, property, value);
            }
        }

        private void replace(ObjectNode body, String property, Supplier<String> value) {
            if (!property.equals(invalidProperty)) {
                body.put(property, value.get());
            }
        }

        /** The admin's operations: the user list, the referral lifecycle, the machine clients, events and webhooks. */
        private boolean adminOnly() {
            return operation.equals("GET /api/v1/users") || operation.contains(" /api/v1/referrals")
                    || operation.contains(" /api/v1/clients")
                    || operation.contains(" /api/v1/events")
                    || operation.contains(" /api/v1/webhooks");
        }

        private Fixtures.Client client() {
            if (client == null) {
                client = fixtures.newClient();
            }
            return client;
        }

        private String pathFixture(String name) {
            return switch (name) {
                case "id" -> operation.contains(" /api/v1/referrals/")
                        ? fixtures.referral(operation.endsWith("/approve"))
                        : operation.contains(" /api/v1/clients/") ? client().id()
                        : operation.contains(" /api/v1/webhooks/") ? fixtures.newWebhook(admin())
                        : account().id();
                case "code" -> activeCode();
                case "referralCode" -> referrerCode();
                default -> throw new IllegalStateException("no fixture for path parameter " + name);
            };
        }

        private Fixtures.Account account() {
            if (account == null) {
                account = fixtures.newAccount();
            }
            return account;
        }

        private Fixtures.Account admin() {
            if (account == null) {
                account = fixtures.newAdmin();
            }
            return account;
        }

        private Fixtures.Account accountWithCode() {
            activeCode();
            return account();
        }

        private String activeCode() {
            if (code == null) {
                code = fixtures.activeCode(account());
            }
            return code;
        }

        /** Someone else's active code, to register with. */
        private String referrerCode() {
            if (referrerCode == null) {
                referrerCode = fixtures.activeCode(fixtures.newAccount());
            }
            return referrerCode;
        }

        private static String formText(ObjectNode form) {
            List<String> pairs = new ArrayList<>();
            form.fields().forEachRemaining(field -> pairs.add(encode(field.getKey()) + "=" + encode(field.getValue().asText())));
            return String.join("&", pairs);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}
