package org.openreferral.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Api.TestUser;
import org.openreferral.bootstrap.support.Database;

/**
 * Keyset paging of the referral lists over HTTP: pages hand over to cursors, a cursor walk reads every referral
 * once (also when creation times tie), and every wrong use of {@code cursor} is a 400 naming it.
 */
@QuarkusTest
class ReferralPagingTest {

    private static final String DOCUMENTED_EXAMPLE = "AQAAAABpLYNAAAAAAD8MGlKKjk0OmlMNfksfLBFNLKP3";

    @Inject
    Database database;

    /**
     * Seven REWARDED referrals of the referrer's code, three to a second (ties), each with the referrer's ledger
     * credit at the same time, consistent as the lifecycle leaves them (the soak test checks the whole database).
     */
    private void sevenTiedReferrals(String code) {
        String prefix = Api.unique("tied");
        long added = database.number("""
                with referees as (
                  insert into users (id, username, email, email_canonical, password_hash, roles, created_at)
                  select gen_random_uuid(), ? || i, ? || i || '@example.com', ? || i || '@example.com', 'h', 'user', now()
                    from generate_series(1, 7) as i
                  returning id, email),
                added as (
                  insert into referrals (id, referrer_id, referee_id, code_id, created_at, status, points,
                                         qualified_at, rewarded_at, referee_mailbox)
                  select gen_random_uuid(), owner_id, referee_id, code_id, at, 'REWARDED', 10, at, at, email
                    from (select c.owner_id, r.id as referee_id, c.id as code_id, r.email,
                                 timestamptz '2026-06-01T00:00:00Z' + (row_number() over () % 3) * interval '1 second'
                                   as at
                            from referees r, referral_codes c where c.code = ?) ordered
                  returning id, referrer_id, created_at),
                credited as (
                  insert into reward_entries (id, user_id, points, reason, referral_id, created_at)
                  select gen_random_uuid(), referrer_id, 10, 'REFERRAL_REFERRER', id, created_at from added
                  returning 1)
                select count(*) from credited
                """, prefix, prefix, prefix, code);
        assertThat(added).isEqualTo(7);
    }

    /** The ids a walk reads: the first page by number, then cursor after cursor until next is null. */
    private List<String> walk(Supplier<RequestSpecification> caller, String path, int size) {
        JsonPath first = caller.get().queryParam("size", size).get(path).then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(size)).extract().jsonPath();
        List<String> ids = new ArrayList<>(first.getList("items.id"));
        String next = first.getString("next");
        while (next != null) {
            JsonPath run = caller.get().queryParam("cursor", next).queryParam("size", size).get(path)
                    .then().statusCode(200).body("size", equalTo(size)).extract().jsonPath();
            assertThat(run.getMap("")).as("a run by cursor counts nothing").containsOnlyKeys("items", "size", "next");
            ids.addAll(run.getList("items.id"));
            next = run.getString("next");
        }
        return ids;
    }

    private List<String> allByPage(Supplier<RequestSpecification> caller, String path) {
        return caller.get().queryParam("size", 100).get(path).then().statusCode(200).body("total", equalTo(7))
                .body("next", nullValue()).extract().jsonPath().getList("items.id");
    }

    @Test
    void aCursorWalkReadsEveryReferralOnceInPageOrderOnEachList() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        sevenTiedReferrals(code);

        for (String path : List.of("/api/v1/users/me/referrals", "/api/v1/users/" + alice.id() + "/referrals",
                "/api/v1/referral-codes/" + code + "/referrals")) {
            List<String> paged = allByPage(alice::as, path);
            assertThat(paged).as(path).hasSize(7).doesNotHaveDuplicates();
            for (int size : List.of(1, 2, 3, 7)) {
                assertThat(walk(alice::as, path, size)).as("%s in runs of %d", path, size)
                        .containsExactlyElementsOf(paged);
            }
        }
    }

    @Test
    void theRewardsLedgerIsWalkedByCursorLikeTheLists() {
        TestUser alice = Api.newUser();
        sevenTiedReferrals(Api.createCode(alice, null));
        List<String> paged = alice.as().queryParam("size", 100).get("/api/v1/users/me/rewards").then()
                .statusCode(200).body("balance", equalTo(70)).body("entries.total", equalTo(7))
                .body("entries.next", nullValue()).extract().jsonPath().getList("entries.items.id");

        JsonPath first = alice.as().queryParam("size", 3).get("/api/v1/users/me/rewards").then().statusCode(200)
                .extract().jsonPath();
        List<String> walked = new ArrayList<>(first.getList("entries.items.id"));
        String next = first.getString("entries.next");
        while (next != null) {
            JsonPath run = alice.as().queryParam("cursor", next).queryParam("size", 3).get("/api/v1/users/me/rewards")
                    .then().statusCode(200).body("balance", equalTo(70)).extract().jsonPath();
            assertThat(run.getMap("entries")).containsOnlyKeys("items", "size", "next");
            walked.addAll(run.getList("entries.items.id"));
            next = run.getString("entries.next");
        }

        assertThat(paged).hasSize(7).doesNotHaveDuplicates();
        assertThat(walked).containsExactlyElementsOf(paged);
        alice.as().queryParam("cursor", "garbage").get("/api/v1/users/me/rewards").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void aPageTellsTheCursorOfWhatFollowsAndTheLastPageNone() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        sevenTiedReferrals(code);

        alice.as().queryParam("size", 3).queryParam("page", 2).get("/api/v1/users/me/referrals").then()
                .statusCode(200).body("total", equalTo(7)).body("pages", equalTo(3)).body("items", hasSize(3))
                .body("next", matchesPattern("[A-Za-z0-9_-]{44}"));
        alice.as().queryParam("size", 3).queryParam("page", 3).get("/api/v1/users/me/referrals").then()
                .statusCode(200).body("items", hasSize(1)).body("next", nullValue());
    }

    @Test
    void wrongCursorsAreValidationFailuresNamingTheCursor() {
        TestUser alice = Api.newUser();
        String code = Api.createCode(alice, null);
        sevenTiedReferrals(code);
        String next = alice.as().queryParam("size", 2).get("/api/v1/users/me/referrals").then().extract().path("next");
        String tampered = next.substring(0, 20) + (next.charAt(20) == 'A' ? 'B' : 'A') + next.substring(21);

        for (String cursor : List.of(tampered, "garbage", next + "A", next.substring(0, 43))) {
            assertCursorRefused(alice.as().queryParam("cursor", cursor));
        }
        assertCursorRefused(alice.as().queryParam("cursor", next).queryParam("page", 2));
        alice.as().queryParam("cursor", next).queryParam("size", 101).get("/api/v1/users/me/referrals").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        alice.as().queryParam("cursor", "").queryParam("page", 2).queryParam("size", 2)
                .get("/api/v1/users/me/referrals").then().statusCode(200).body("page", equalTo(2));
        alice.as().queryParam("cursor", DOCUMENTED_EXAMPLE).get("/api/v1/users/me/referrals").then()
                .statusCode(200).body("items", hasSize(0)).body("next", nullValue());
    }

    @Test
    void aCursorReadsOnlyTheListsItsCallerMayRead() {
        TestUser alice = Api.newUser();
        TestUser mallory = Api.newUser();
        String code = Api.createCode(alice, null);
        sevenTiedReferrals(code);
        String next = alice.as().queryParam("size", 2).get("/api/v1/users/me/referrals").then().extract().path("next");

        mallory.as().queryParam("cursor", next).get("/api/v1/users/" + alice.id() + "/referrals").then()
                .statusCode(404).body("code", equalTo("user-not-found"));
        mallory.as().queryParam("cursor", next).get("/api/v1/referral-codes/" + code + "/referrals").then()
                .statusCode(404).body("code", equalTo("code-not-found"));
        mallory.as().queryParam("cursor", next).get("/api/v1/users/me/referrals").then()
                .statusCode(200).body("items", hasSize(0));
    }

    private static void assertCursorRefused(RequestSpecification request) {
        request.get("/api/v1/users/me/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("cursor"));
    }
}
