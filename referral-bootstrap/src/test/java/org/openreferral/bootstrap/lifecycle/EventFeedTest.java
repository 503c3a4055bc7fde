package org.openreferral.bootstrap.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.bootstrap.lifecycle.Lifecycle.Referrer;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;

/**
 * The event feed end to end: every event type appears after the real flow that causes it, in commit order, with
 * its data and never an email address; paging by cursor, the type filter, bad parameters and scopes; and a
 * registration that fails after its event was appended leaves no event. Events are numbered by the background
 * sequencer, so every read waits for them with a bounded poll. Runs in the {@code qualify-on=event} profile (no
 * extra boot).
 */
@QuarkusTest
@TestProfile(QualifyOnEventProfile.class)
class EventFeedTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Database database;
    @Inject
    DataSource dataSource;
    @Inject
    TokenSecrets tokenSecrets;
    @Inject
    DirectRegistrations direct;

    private String admin;
    private long start;

    /** One event as the feed answers it. */
    record Event(String id, long sequence, String type, String createdAt, Map<String, Object> data) {
    }

    @BeforeEach
    void startAtTheEndOfTheFeed() {
        admin = Lifecycle.adminToken();
        start = readAll(admin, 0).stream().mapToLong(Event::sequence).max().orElse(0);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    /** One read of the feed. */
    private static JsonPath read(String token, long after, int limit, String... types) {
        RequestSpecification request = as(token).queryParam("after", after).queryParam("limit", limit);
        for (String type : types) {
            request.queryParam("type", type);
        }
        return request.get("/api/v1/events").then().statusCode(200).extract().jsonPath();
    }

    private static List<Event> events(JsonPath page) {
        List<Event> events = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> data = (Map<String, Object>) item.get("data");
            events.add(new Event((String) item.get("id"), ((Number) item.get("sequence")).longValue(),
                    (String) item.get("type"), (String) item.get("createdAt"), data));
        }
        return events;
    }

    /** Every event after {@code after}, read by cursor in pages of 500 until a page comes back empty. */
    private static List<Event> readAll(String token, long after, String... types) {
        List<Event> all = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page = read(token, cursor, 500, types);
            List<Event> events = events(page);
            if (events.isEmpty()) {
                assertThat(page.getLong("next")).isEqualTo(cursor);
                return all;
            }
            all.addAll(events);
            cursor = page.getLong("next");
            assertThat(cursor).isEqualTo(events.get(events.size() - 1).sequence());
        }
    }

    /** The events since the test began, once one matches {@code until} (a bounded poll: the sequencer runs apart). */
    private List<Event> eventsOnce(Predicate<List<Event>> until) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> readAll(admin, start), until);
    }

    private static Predicate<Event> about(String field, String value) {
        return event -> value.equals(event.data().get(field));
    }

    private static Predicate<List<Event>> has(String type, Predicate<Event> which) {
        return events -> events.stream().anyMatch(event -> event.type().equals(type) && which.test(event));
    }

    private static List<Event> only(List<Event> events, String type, Predicate<Event> which) {
        return events.stream().filter(event -> event.type().equals(type) && which.test(event)).toList();
    }

    private String clientToken(String... scopes) {
        JsonPath created = as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "feed reader", "scopes", List.of(scopes)))
                .post("/api/v1/clients").then().statusCode(201).extract().jsonPath();
        String pair = URLEncoder.encode(created.getString("id"), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(created.getString("secret"), StandardCharsets.UTF_8);
        return given().header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        pair.getBytes(StandardCharsets.UTF_8)))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    /** A verification token for {@code userId}, stored as the service stores one (only its digest). */
    private String verificationToken(String userId) {
        TokenSecrets.Secret secret = tokenSecrets.newSecret();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into email_verification_tokens (id,"
                     + " user_id, token_hash, issue, created_at, expires_at) values (?, ?, ?, 'RESEND', now(),"
                     + " now() + interval '2 days')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(userId));
            insert.setString(3, secret.digest());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return secret.value();
    }

    private String refereeOf(String referralId) {
        return database.text("select referee_id::text from referrals where id = ?::uuid", referralId);
    }

    private String referralOf(String refereeId) {
        return database.text("select id::text from referrals where referee_id = ?::uuid", refereeId);
    }

    @Test
    void everyEventTypeAppearsAfterTheFlowThatCausesIt() {
        Referrer alice = Lifecycle.referrer();
        String aliceId = alice.user().id();
        String rewarded = Lifecycle.referee(alice, database);
        String bob = refereeOf(rewarded);
        given().contentType(ContentType.JSON).body(Map.of("token", verificationToken(bob)))
                .post("/api/v1/auth/email-verification/confirm").then().statusCode(204);
        as(clientToken("referrals:write")).contentType(ContentType.JSON).body(Map.of("externalId", "order-7"))
                .post("/api/v1/referrals/" + rewarded + "/qualify").then().statusCode(200);
        String approved = referralOf(direct.register(alice.code(), "192.0.2.10", true));
        Lifecycle.approve(admin, approved).statusCode(200).body("status", equalTo("PENDING"));
        Lifecycle.qualify(admin, approved).statusCode(200).body("status", equalTo("REWARDED"));
        String voided = referralOf(direct.register(alice.code(), "192.0.2.11", true));
        Lifecycle.voidReferral(admin, voided, "duplicate account").statusCode(200);
        alice.user().as().delete("/api/v1/referral-codes/" + alice.code()).then().statusCode(204);

        List<Event> events = eventsOnce(has("code.revoked", about("code", alice.code())));

        assertThat(events).extracting(Event::type).contains("user.registered", "user.email_verified",
                "code.created", "code.revoked", "referral.created", "referral.flagged", "referral.qualified",
                "referral.rewarded", "referral.voided");
        assertThat(only(events, "user.registered", about("userId", bob))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("referrerId", aliceId)
                        .containsEntry("emailVerified", false));
        assertThat(only(events, "user.email_verified", about("userId", bob))).hasSize(1);
        assertThat(only(events, "code.created", about("code", alice.code()))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("ownerId", aliceId)
                        .containsEntry("status", "ACTIVE"));
        assertThat(only(events, "code.revoked", about("code", alice.code()))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("status", "REVOKED"));
        assertThat(only(events, "referral.created", about("referralId", rewarded))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("refereeId", bob)
                        .containsEntry("referrerId", aliceId).containsEntry("code", alice.code())
                        .containsEntry("status", "PENDING"));
        assertThat(only(events, "referral.qualified", about("referralId", rewarded))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("externalId", "order-7"));
        assertThat(only(events, "referral.rewarded", about("referralId", rewarded))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("points", 10));
        assertThat(only(events, "referral.flagged", about("referralId", approved))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("reason", "email-unverifiable"));
        assertThat(only(events, "referral.rewarded", about("referralId", approved))).hasSize(1);
        assertThat(only(events, "referral.voided", about("referralId", voided))).singleElement()
                .satisfies(event -> assertThat(event.data()).containsEntry("reason", "duplicate account")
                        .containsEntry("status", "VOIDED"));

        assertThat(events).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(event -> assertThat(event.data().toString()).doesNotContain("@"));
        List<String> referralOrder = events.stream()
                .filter(event -> rewarded.equals(event.data().get("referralId"))).map(Event::type).toList();
        assertThat(referralOrder).containsExactly("referral.created", "referral.qualified", "referral.rewarded");
    }

    @Test
    void theFeedPagesByCursorAndFiltersByType() {
        TestUser first = Api.newUser();
        TestUser second = Api.newUser();
        String code = Api.createCode(second, null);
        List<Event> events = eventsOnce(has("code.created", about("code", code)));

        List<Event> byOne = new ArrayList<>();
        long cursor = start;
        for (int i = 0; i < events.size(); i++) {
            JsonPath page = read(admin, cursor, 1);
            byOne.addAll(events(page));
            cursor = page.getLong("next");
        }
        assertThat(byOne).isEqualTo(events);

        List<Event> registrations = readAll(admin, start, "user.registered");
        assertThat(registrations).extracting(event -> event.data().get("username"))
                .contains(first.username(), second.username());
        assertThat(registrations).extracting(Event::type).containsOnly("user.registered");
        assertThat(readAll(admin, start, "user.registered", "code.created")).extracting(Event::type)
                .containsOnly("user.registered", "code.created").contains("code.created");
    }

    @Test
    void badParametersAreRefusedNamingTheField() {
        Map<String, String> bad = Map.of("after", "-1", "limit", "0");
        bad.forEach((field, value) -> as(admin).queryParam(field, value).get("/api/v1/events").then()
                .statusCode(400).body("code", equalTo("validation-failed")).body("errors[0].field", equalTo(field)));
        as(admin).queryParam("limit", "501").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        as(admin).queryParam("after", "soon").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as(admin).queryParam("type", "user.registered").queryParam("type", "user.deleted").get("/api/v1/events")
                .then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("type"));
        given().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void onlyAdminsAndClientsWithEventsReadMayReadTheFeed() {
        as(clientToken("events:read")).get("/api/v1/events").then().statusCode(200);
        as(clientToken("referrals:read", "referrals:write")).get("/api/v1/events").then().statusCode(403)
                .body("code", equalTo("insufficient-scope"));
        Api.newUser().as().get("/api/v1/events").then().statusCode(403).body("code", equalTo("forbidden"));
    }

    @Test
    void registrationsThatFailAfterTheirEventWasAppendedLeaveNoEvent() throws Exception {
        // One mailbox in eight spellings, each registering with a code at once: every one passes the username and
        // email checks and appends user.registered; all but one then fail on the one-referral-per-mailbox index
        // (or its check) and roll back, event included.
        Referrer alice = Lifecycle.referrer();
        String name = Api.unique("mbox").toLowerCase().replaceAll("[^a-z]", "");
        List<String> usernames = IntStream.range(0, 8).mapToObj(i -> Api.unique("racer")).toList();
        List<Integer> statuses = Concurrently.run(usernames.size(), i -> Api.register(Map.of(
                "username", usernames.get(i), "email", name + "+" + i + "@gmail.com", "password", Api.PASSWORD,
                "referralCode", alice.code())).extract().statusCode());
        assertThat(statuses).containsOnly(201, 422).containsOnlyOnce(201);
        String marker = Api.newUser().username();

        List<Event> events = eventsOnce(has("user.registered", about("username", marker)));

        Set<String> racers = new HashSet<>(usernames);
        assertThat(events).filteredOn(event -> event.type().equals("user.registered")
                && racers.contains((String) event.data().get("username"))).hasSize(1);
        assertThat(only(events, "referral.created", about("code", alice.code()))).hasSize(1);
        assertThat(usernames.stream().mapToLong(username -> database.number(
                "select count(*) from users where username = ?", username)).sum()).isOne();
    }
}
