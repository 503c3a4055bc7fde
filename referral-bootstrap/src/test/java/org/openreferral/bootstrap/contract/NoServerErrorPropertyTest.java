package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/**
 * Property: whatever a client sends to any operation of the served document (odd path segments, query strings,
 * headers, bodies of any shape and type), the answer is never a 5xx, and a 4xx is problem+json.
 * <p>
 * jqwik's engine cannot run inside {@code @QuarkusTest} (it is a JUnit Platform engine of its own, and the app is
 * started by Quarkus' Jupiter extension), so this Jupiter test drives jqwik's generators through a
 * {@link JqwikSession}. Every run picks a new seed and prints it; -Dnofivexx.seed=N replays a run and
 * -Dnofivexx.tries=N explores further. Requests carry the tokens of a user, an admin and a machine client, and reach
 * every grant of the token endpoint with real credentials and refresh tokens as well as garbage; strings lean on
 * edge cases (NUL, C0/C1 controls, unpaired surrogates, characters beyond the BMP, very long text).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class NoServerErrorPropertyTest {

    private static final long SEED = Long.getLong("nofivexx.seed", new SecureRandom().nextLong());
    private static final int TRIES_PER_OPERATION = Integer.getInteger("nofivexx.tries", 40);
    private static final List<String> FIELDS = List.of("username", "email", "password", "name", "referralCode",
            "expiresAt", "code", "grant_type", "refresh_token", "scope", "token", "newPassword", "client_id",
            "client_secret", "reason", "externalId", "scopes");
    private static final List<String> GRANT_TYPES = List.of("password", "refresh_token", "client_credentials");
    /** Pieces of edge-case strings: controls, surrogates alone and in pairs, odd spaces, quotes, plain letters. */
    private static final List<String> EDGE_PIECES = List.of("\u0000", "\u0001", "\t", "\n", "\r", "\u001b",
            "\u001f", "\u007f", "\u0080", "\u0085", "\u009f", "\ud800", "\udbff", "\udc00", "\udfff",
            "\ud83d\ude00", "\ud800\udc00", "\udbff\udfff", "\u00a0", "\u2028", "\ufeff", "\ufffd", "\uffff",
            "%", "'", "\"", "\\", "<", "a", "b", "z", "A", "0", "9", " ", "@", "-", "_", ".", "\u00e9", "\u4e2d");
    /** Query and form values sent as they are: percent-encoded controls and bytes that are no UTF-8 text. */
    private static final List<String> RAW_ENCODED = List.of("%00", "a%00b", "%0A", "%0D%0A", "%1B", "%7F", "%C2%80",
            "%C2%85", "%ED%A0%80", "%ED%B0%80", "%C0%80", "%FF", "%FE%FF", "%F0%9F%98%80", "%F4%8F%BF%BF",
            "%E2%80%A8", "%25", "%2500");

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    @Inject
    TokenSecrets tokenSecrets;

    /** What a generated request may present: bearer tokens of all kinds of caller and real grant credentials. */
    private record Credentials(List<String> bearers, String username, List<String> refreshTokens, String clientId,
                               String clientSecret) {
    }

    @Test
    void noRequestToAnyDocumentedOperationGetsA5xx() {
        System.out.println("NoServerErrorPropertyTest seed " + SEED + " (replay: -Dnofivexx.seed=" + SEED + ")");
        List<ServedSpec.Op> operations = ServedSpec.fetch().operations();
        Credentials credentials = credentials();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        JqwikSession.start();
        try {
            for (ServedSpec.Op op : operations) {
                Arbitrary<Http.Sent> requests = requests(op, credentials);
                for (int i = 0; i < TRIES_PER_OPERATION; i++) {
                    Http.Sent request = requests.generator(1000).next(random).value();
                    Http.Received response = Http.send(base, request);
                    sent++;
                    if (response.status() >= 500) {
                        failures.add(response.status() + " for " + request + "\n    -> " + response);
                    } else if (response.status() >= 400 && !String.valueOf(response.contentType())
                            .startsWith("application/problem+json")) {
                        failures.add("4xx without problem+json for " + request + "\n    -> " + response);
                    }
                }
            }
        } finally {
            JqwikSession.finish();
        }
        assertThat(sent).isEqualTo(operations.size() * TRIES_PER_OPERATION);
        assertThat(failures).as("seed %d (replay with -Dnofivexx.seed=%d): requests answered with a 5xx or a bare 4xx",
                SEED, SEED).isEmpty();
    }

    private Credentials credentials() {
        Fixtures fixtures = new Fixtures(dataSource, tokenSecrets);
        Fixtures.Account user = fixtures.newAccount();
        Fixtures.Account admin = fixtures.newAdmin();
        List<String> refreshTokens = new ArrayList<>();
        refreshTokens.add(user.refreshToken());
        for (int i = 0; i < 5; i++) {
            refreshTokens.add(fixtures.newAccount().refreshToken());
        }
        JsonPath client = given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "property test", "scopes",
                        List.of("referrals:read", "referrals:write", "events:read", "webhooks:write", "users:read")))
                .post("/api/v1/clients").then().statusCode(201).extract().jsonPath();
        String clientId = client.getString("id");
        String clientSecret = client.getString("secret");
        String clientToken = given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", clientSecret)
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        return new Credentials(List.of(user.accessToken(), admin.accessToken(), clientToken), user.username(),
                List.copyOf(refreshTokens), clientId, clientSecret);
    }

    private static Arbitrary<Http.Sent> requests(ServedSpec.Op op, Credentials credentials) {
        Arbitrary<String> path = Arbitraries.just(op.path());
        for (String name : parameterNames(op.path())) {
            path = Combinators.combine(path, pathSegment()).as((p, value) -> p.replace("{" + name + "}", value));
        }
        return Combinators.combine(path, query(), authorization(credentials), contentType(), accept(), requestId(),
                        body(credentials))
                .as((p, q, auth, type, accept, id, body) -> {
                    Map<String, String> headers = new LinkedHashMap<>();
                    auth.ifPresent(value -> headers.put("Authorization", value));
                    type.ifPresent(value -> headers.put("Content-Type", value));
                    accept.ifPresent(value -> headers.put("Accept", value));
                    id.ifPresent(value -> headers.put("X-Request-Id", value));
                    return new Http.Sent(op.method(), p + q, headers, body.orElse(null));
                });
    }

    private static List<String> parameterNames(String template) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Text of every kind: edge cases of numbers and dates, edge-case characters, arbitrary Unicode, long text. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("", " ", "0", "-1", "1", "100", "101", "2147483647", "2147483648",
                        "-2147483649", "99999999999999999999", "1e3", "1.5", "NaN", "null", "true", "[]", "{}", "%",
                        "%00", "../..", "' OR '1'='1", "2026-12-01T12:00:00Z", "2026-12-01 12:00",
                        "1970-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "alice@example.com", "a@b", "@",
                        "\u0000", "alice\u0000", "a\u0000@example.com", "\ud800", "x\udc00", "\ud83d\ude00@example.com",
                        UUID.randomUUID().toString())),
                Tuple.of(4, edgeText()),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(600)));
    }

    /** Strings made mostly of edge-case characters (each piece is one character or one surrogate pair). */
    private static Arbitrary<String> edgeText() {
        return Arbitraries.of(EDGE_PIECES).list().ofMinSize(1).ofMaxSize(16).map(pieces -> String.join("", pieces));
    }

    /** Very long text, for bodies only (a URL that long is refused by the HTTP layer before the app sees it). */
    private static Arbitrary<String> longText() {
        return Combinators.combine(edgeText(), Arbitraries.integers().between(1_000, 20_000))
                .as((piece, length) -> piece.repeat(length / piece.length() + 1).substring(0, length))
                .map(NoServerErrorPropertyTest::withoutCutPair);
    }

    private static Arbitrary<String> headerText() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(120).map(String::strip);
    }

    private static Arbitrary<String> pathSegment() {
        return Arbitraries.oneOf(text(), Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(4)
                        .ofMaxLength(32), Arbitraries.create(() -> UUID.randomUUID().toString()))
                .filter(value -> !value.isEmpty())
                .map(NoServerErrorPropertyTest::encode);
    }

    /** A query or form value: generated text, encoded; or percent-encoded bytes sent as they are. */
    private static Arbitrary<String> encodedValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, text().map(NoServerErrorPropertyTest::encode)),
                Tuple.of(1, Arbitraries.of(RAW_ENCODED)));
    }

    private static Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("page", "size", "email", "q", "status",
                "referrerId", "refereeId"), text());
        Arbitrary<String> pair = Combinators.combine(name.map(NoServerErrorPropertyTest::encode), encodedValue())
                .as((n, v) -> n + "=" + v);
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<Optional<String>> authorization(Credentials credentials) {
        String anyToken = credentials.bearers().get(0);
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()),
                Arbitraries.of(credentials.bearers()).map(token -> Optional.of("Bearer " + token)),
                Arbitraries.of(credentials.bearers()).map(token -> Optional.of("Bearer " + token)),
                headerText().map(garbage -> Optional.of("Bearer " + garbage)),
                Arbitraries.just(Optional.of("Bearer " + anyToken.substring(0, anyToken.length() - 3) + "abc")),
                Arbitraries.just(Optional.of(basic(credentials.clientId(), credentials.clientSecret()))),
                headerText().map(garbage -> Optional.of("Basic " + garbage)),
                headerText().map(Optional::of));
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((encode(id) + ":" + encode(secret))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<Optional<String>> contentType() {
        return Arbitraries.oneOf(
                Arbitraries.of("application/json", "application/json; charset=UTF-8", "application/x-www-form-urlencoded",
                        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/problem+json",
                        "*/*", "application/json; charset=nonsense").map(Optional::of),
                Arbitraries.just(Optional.<String>empty()),
                headerText().map(Optional::of));
    }

    private static Arbitrary<Optional<String>> accept() {
        return Arbitraries.oneOf(
                Arbitraries.of("*/*", "application/json", "application/problem+json", "text/html", "application/xml")
                        .map(Optional::of),
                Arbitraries.just(Optional.<String>empty()),
                headerText().map(Optional::of));
    }

    private static Arbitrary<Optional<String>> requestId() {
        return Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()), headerText().map(Optional::of));
    }

    private static Arbitrary<Optional<String>> body(Credentials credentials) {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()),
                json(3).map(Optional::of),
                knownFields().map(Optional::of),
                form().map(Optional::of),
                grant(credentials).map(Optional::of),
                text().map(Optional::of));
    }

    /**
     * A token request of every grant type, as a form or as JSON, each field a real credential (the user's login and
     * password, a live or used refresh token, the client's id and secret) or generated text.
     */
    private static Arbitrary<String> grant(Credentials credentials) {
        Arbitrary<String> grantType = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(GRANT_TYPES)),
                Tuple.of(1, text()));
        Arbitrary<Map<String, String>> fields = Combinators.combine(grantType,
                orText(Arbitraries.just(credentials.username())), orText(Arbitraries.just(Api.PASSWORD)),
                orText(Arbitraries.of(credentials.refreshTokens())), orText(Arbitraries.just(credentials.clientId())),
                orText(Arbitraries.just(credentials.clientSecret())), orText(Arbitraries.of("referrals:read",
                        "referrals:read referrals:write", "users:read events:read", "everything")))
                .as((type, username, password, refreshToken, clientId, clientSecret, scope) -> {
                    Map<String, String> map = new LinkedHashMap<>();
                    map.put("grant_type", type);
                    switch (type) {
                        case "password" -> {
                            map.put("username", username);
                            map.put("password", password);
                        }
                        case "refresh_token" -> map.put("refresh_token", refreshToken);
                        default -> {
                            map.put("client_id", clientId);
                            map.put("client_secret", clientSecret);
                            map.put("scope", scope);
                        }
                    }
                    return map;
                });
        return Combinators.combine(fields, Arbitraries.of(true, false)).as((map, asForm) -> asForm
                ? map.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"))
                : map.entrySet().stream().map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                        .collect(Collectors.joining(",", "{", "}")));
    }

    private static Arbitrary<String> orText(Arbitrary<String> real) {
        return Arbitraries.frequencyOf(Tuple.of(3, real), Tuple.of(1, text()));
    }

    /** Objects with the API's own field names, each holding a value of any JSON type. */
    private static Arbitrary<String> knownFields() {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS), json(1))
                .as((name, value) -> quote(name) + ":" + value);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> form() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of(FIELDS), text())
                .map(NoServerErrorPropertyTest::encode);
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(8, encodedValue()),
                Tuple.of(1, longText().map(NoServerErrorPropertyTest::encode)));
        Arbitrary<String> pair = Combinators.combine(name, value).as((n, v) -> n + "=" + v);
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("null", "true", "false", "0", "-1", "1e308", "-1e309",
                        "12345678901234567890123", "0.0000001", "\"\"")),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(6, text().map(NoServerErrorPropertyTest::quote)),
                Tuple.of(1, longText().map(NoServerErrorPropertyTest::quote)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), text()), json(depth - 1))
                .as((name, value) -> quote(name) + ":" + value)
                .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(leaf, array, object);
    }

    // Controls, DEL, C1 and surrogates are written as \\u escapes: JSON allows them all, and an unpaired surrogate
    // could not be sent any other way (as UTF-8 it would become '?').
    private static String quote(String text) {
        return text.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\"
                        : c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate((char) c)
                        ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining("", "\"", "\""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // A long string cut in the middle of a surrogate pair ends in an unpaired one; fine (edge pieces have them too),
    // but the cut is not what this generator is for.
    private static String withoutCutPair(String text) {
        return Character.isHighSurrogate(text.charAt(text.length() - 1)) ? text.substring(0, text.length() - 1) : text;
    }
}
