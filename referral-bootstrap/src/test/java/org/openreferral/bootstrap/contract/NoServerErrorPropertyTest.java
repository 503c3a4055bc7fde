package org.openreferral.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.PostgresTestResource;

/**
 * Property: whatever a client sends to any operation of the served document (odd path segments, query strings,
 * headers, bodies of any shape and type), the answer is never a 5xx, and a 4xx is problem+json.
 * <p>
 * jqwik's engine cannot run inside {@code @QuarkusTest} (it is a JUnit Platform engine of its own, and the app is
 * started by Quarkus' Jupiter extension), so this Jupiter test drives jqwik's generators through a
 * {@link JqwikSession} with a fixed seed: -Dnofivexx.seed=N and -Dnofivexx.tries=N explore further.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class NoServerErrorPropertyTest {

    private static final long SEED = Long.getLong("nofivexx.seed", 20260601L);
    private static final int TRIES_PER_OPERATION = Integer.getInteger("nofivexx.tries", 40);
    private static final List<String> FIELDS = List.of("username", "email", "password", "name", "referralCode",
            "expiresAt", "code", "grant_type", "refresh_token", "scope", "token", "newPassword", "client_id");

    @TestHTTPResource("/")
    URI base;

    @Test
    void noRequestToAnyDocumentedOperationGetsA5xx() {
        List<ServedSpec.Op> operations = ServedSpec.fetch().operations();
        String token = Api.newUser().token();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        JqwikSession.start();
        try {
            for (ServedSpec.Op op : operations) {
                Arbitrary<Http.Sent> requests = requests(op, token);
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
        assertThat(failures).as("seed %d: requests answered with a 5xx or a bare 4xx", SEED).isEmpty();
    }

    private static Arbitrary<Http.Sent> requests(ServedSpec.Op op, String token) {
        Arbitrary<String> path = Arbitraries.just(op.path());
        for (String name : parameterNames(op.path())) {
            path = Combinators.combine(path, pathSegment()).as((p, value) -> p.replace("{" + name + "}", value));
        }
        return Combinators.combine(path, query(), authorization(token), contentType(), accept(), requestId(), body())
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

    /** Text of every kind, from edge cases of numbers and dates to arbitrary Unicode. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "0", "-1", "1", "100", "101", "2147483647", "2147483648", "-2147483649",
                        "99999999999999999999", "1e3", "1.5", "NaN", "null", "true", "[]", "{}", "%", "%00", "../..",
                        "' OR '1'='1", "2026-12-01T12:00:00Z", "2026-12-01 12:00", "1970-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "alice@example.com", "a@b", "@", UUID.randomUUID().toString()),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(600));
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

    private static Arbitrary<String> query() {
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("page", "size", "email", "q"), text());
        Arbitrary<String> pair = Combinators.combine(name, text()).as((n, v) -> encode(n) + "=" + encode(v));
        return pair.list().ofMaxSize(4).map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    private static Arbitrary<Optional<String>> authorization(String token) {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()),
                Arbitraries.just(Optional.of("Bearer " + token)),
                headerText().map(garbage -> Optional.of("Bearer " + garbage)),
                Arbitraries.just(Optional.of("Bearer " + token.substring(0, token.length() - 3) + "abc")),
                headerText().map(garbage -> Optional.of("Basic " + garbage)),
                headerText().map(Optional::of));
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

    private static Arbitrary<Optional<String>> body() {
        return Arbitraries.oneOf(
                Arbitraries.just(Optional.<String>empty()),
                json(3).map(Optional::of),
                knownFields().map(Optional::of),
                form().map(Optional::of),
                text().map(Optional::of));
    }

    /** Objects with the API's own field names, each holding a value of any JSON type. */
    private static Arbitrary<String> knownFields() {
        Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS), json(1))
                .as((name, value) -> quote(name) + ":" + value);
        return member.list().ofMaxSize(6).map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> form() {
        Arbitrary<String> pair = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), text()), text())
                .as((n, v) -> encode(n) + "=" + encode(v));
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1e308", "-1e309", "12345678901234567890123",
                        "0.0000001", "\"\""),
                Arbitraries.integers().map(String::valueOf),
                text().map(NoServerErrorPropertyTest::quote));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), text()), json(depth - 1))
                .as((name, value) -> quote(name) + ":" + value)
                .list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(leaf, array, object);
    }

    private static String quote(String text) {
        return text.chars().mapToObj(c -> c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c < 0x20
                        ? String.format("\\u%04x", c) : String.valueOf((char) c))
                .collect(Collectors.joining("", "\"", "\""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
