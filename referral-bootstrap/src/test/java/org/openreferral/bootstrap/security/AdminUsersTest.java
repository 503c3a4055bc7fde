package org.openreferral.bootstrap.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.CreateInitialAdminCommand;
import org.openreferral.application.account.port.in.CreateInitialAdminUseCase.Outcome;
import org.openreferral.bootstrap.security.Accounts.Session;
import org.openreferral.bootstrap.support.Api;
import org.openreferral.bootstrap.support.Concurrently;
import org.openreferral.bootstrap.support.Database;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.Username;

/** The admin created from configuration, and the admin-only list of users. */
@QuarkusTest
@TestProfile(AccountSecurityProfile.class)
class AdminUsersTest extends SecurityTestBase {

    @Inject
    Database database;

    @Inject
    CreateInitialAdminUseCase createAdmin;

    @Test
    void theConfiguredAdminExistsWithTheAdminRoleInItsToken() {
        String token = adminToken();

        assertThat(TestTokens.claimsOf(token).get("groups")).isEqualTo(List.of("user", "admin"));
        Accounts.me(token).statusCode(200)
                .body("username", equalTo("admin"))
                .body("email", equalTo(AccountSecurityProfile.ADMIN_EMAIL))
                .body("roles", containsInAnyOrder("user", "admin"));
    }

    @Test
    void anAdminListsUsersPagedAndFiltered() {
        Session alice = Accounts.newSession();
        Session bob = Accounts.newSession();
        String admin = adminToken();

        given().auth().oauth2(admin).get("/api/v1/users").then().statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(50))
                .body("items.username", hasItem(alice.username()));
        given().auth().oauth2(admin).queryParam("q", alice.username().toUpperCase()).get("/api/v1/users").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items.id", contains(alice.userId()))
                .body("items[0].email", equalTo(alice.email()));
        given().auth().oauth2(admin).queryParam("q", "@example.com").queryParam("size", 1).get("/api/v1/users")
                .then().statusCode(200)
                .body("items.username", contains(bob.username()))
                .body("size", equalTo(1));
        given().auth().oauth2(admin).queryParam("q", "%").get("/api/v1/users").then().statusCode(200)
                .body("items.email", everyItem(org.hamcrest.Matchers.containsString("%")));
    }

    @Test
    void badPagingIsABadRequest() {
        String admin = adminToken();

        given().auth().oauth2(admin).queryParam("size", 101).get("/api/v1/users").then().statusCode(400)
                .body("code", equalTo("validation-failed"));
        given().auth().oauth2(admin).queryParam("page", "abc").get("/api/v1/users").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("q", "x".repeat(255)).get("/api/v1/users").then().statusCode(400);
    }

    @Test
    void aUserIsForbiddenAndAnonymousIsUnauthorized() {
        Session alice = Accounts.newSession();

        given().auth().oauth2(alice.accessToken()).get("/api/v1/users").then().statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        given().get("/api/v1/users").then().statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void anAdminSeesAnyUserAUserOnlyThemselves() {
        Session alice = Accounts.newSession();
        Session bob = Accounts.newSession();

        given().auth().oauth2(adminToken()).get("/api/v1/users/" + alice.userId()).then().statusCode(200);
        given().auth().oauth2(bob.accessToken()).get("/api/v1/users/" + alice.userId()).then().statusCode(404);
    }

    @Test
    void theConfiguredAdminIsCreatedOnceHoweverOftenTheStartUpRuns() throws Exception {
        assertThat(createAdmin.create(adminCommand("admin", AccountSecurityProfile.ADMIN_EMAIL,
                AccountSecurityProfile.ADMIN_PASSWORD))).isEqualTo(Outcome.ALREADY_ADMIN);
        assertThat(database.usersWithEmail(AccountSecurityProfile.ADMIN_EMAIL)).isOne();
    }

    @Test
    void instancesStartingTogetherCreateOneAdmin() throws Exception {
        String username = Api.unique("root");
        String email = username + "@openreferral.test";

        List<Outcome> outcomes = Concurrently.run(6, i -> createAdmin.create(adminCommand(username,
                email, AccountSecurityProfile.ADMIN_PASSWORD)));

        assertThat(outcomes).containsOnly(Outcome.CREATED, Outcome.ALREADY_ADMIN);
        assertThat(outcomes.stream().filter(outcome -> outcome == Outcome.CREATED)).hasSize(1);
        assertThat(database.number("select count(*) from users where lower(email) = ? and roles = 'user,admin'",
                email)).isOne();
    }

    @Test
    void anAccountThatHoldsTheAdminEmailIsNotPromoted() {
        Session squatter = Accounts.newSession();

        assertThat(createAdmin.create(adminCommand(Api.unique("root"), squatter.email(),
                AccountSecurityProfile.ADMIN_PASSWORD))).isEqualTo(Outcome.EXISTS_WITHOUT_ADMIN_ROLE);
        given().auth().oauth2(Accounts.login(squatter.username(), Api.PASSWORD).accessToken())
                .get("/api/v1/users").then().statusCode(403);
    }

    private static String adminToken() {
        return Accounts.login(AccountSecurityProfile.ADMIN_EMAIL, AccountSecurityProfile.ADMIN_PASSWORD)
                .accessToken();
    }

    private static CreateInitialAdminCommand adminCommand(String username, String email, String password) {
        return new CreateInitialAdminCommand(new Username(username), new Email(email), new Password(password));
    }
}
