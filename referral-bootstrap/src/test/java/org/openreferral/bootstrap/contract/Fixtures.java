package org.openreferral.bootstrap.contract;

import static io.restassured.RestAssured.given;
import static org.openreferral.bootstrap.support.Api.PASSWORD;
import static org.openreferral.bootstrap.support.Api.unique;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.openreferral.application.account.port.out.TokenSecrets;
import org.openreferral.bootstrap.support.Api;

/**
 * The server-side state that a valid generated request needs and that no schema can express: an account to log in
 * with, an id that exists, a code that is active. Every generated case gets fresh ones, so cases stay independent.
 */
final class Fixtures {

    /** A registered, logged-in user. */
    record Account(String id, String username, String email, String accessToken, String refreshToken) {
    }

    /** A new password the policy accepts. */
    static final String NEW_PASSWORD = "a brand new passphrase";

    private final DataSource dataSource;
    private final TokenSecrets tokenSecrets;

    Fixtures(DataSource dataSource, TokenSecrets tokenSecrets) {
        this.dataSource = dataSource;
        this.tokenSecrets = tokenSecrets;
    }

    Account newAccount() {
        String username = unique("ct");
        String email = username + "@example.com";
        String id = Api.register(Api.registration(username, email)).statusCode(201).extract().path("id");
        return login(id, username, email);
    }

    Account newAdmin() {
        Account user = newAccount();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update users set roles = 'user,admin' where id = ?")) {
            update.setObject(1, UUID.fromString(user.id()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return login(user.id(), user.username(), user.email());
    }

    /** Creates an active code for the account and answers it. */
    String activeCode(Account account) {
        return given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON)
                .body("{\"expiresAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(30)) + "\"}")
                .when().post("/api/v1/referral-codes")
                .then().statusCode(201).extract().path("code");
    }

    /**
     * A referral of a new referee with a new referrer's code, as registration stores it. With {@code flagged} it is
     * stored FLAGGED for review (no fraud rule can fire in a generated case), for the approve operation.
     */
    String referral(boolean flagged) {
        Account referrer = newAccount();
        activeCode(referrer);
        Account referee = newAccount();
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into referrals (id, referrer_id, referee_id,"
                     + " code_id, created_at, status, status_reason, points, referee_mailbox)"
                     + " select ?, owner_id, ?, id, now(), ?, ?, 0, ? from referral_codes where owner_id = ?")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(referee.id()));
            insert.setString(3, flagged ? "FLAGGED" : "PENDING");
            insert.setString(4, flagged ? "same-network" : null);
            insert.setString(5, referee.email());
            insert.setObject(6, UUID.fromString(referrer.id()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }

    /**
     * A usable password reset token for the account. The real one only travels by mail, so the fixture stores one the
     * way the service does: the digest of a fresh secret, valid for 30 minutes.
     */
    String resetToken(Account account) {
        return storedToken("insert into password_reset_tokens (id, user_id, token_hash, created_at, expires_at)"
                + " values (?, ?, ?, now(), now() + interval '30 minutes')", account);
    }

    /** A usable email verification token for the account, stored like {@link #resetToken}, valid for two days. */
    String verificationToken(Account account) {
        return storedToken("insert into email_verification_tokens (id, user_id, token_hash, issue, created_at,"
                + " expires_at) values (?, ?, ?, 'RESEND', now(), now() + interval '2 days')", account);
    }

    private String storedToken(String insertSql, Account account) {
        TokenSecrets.Secret secret = tokenSecrets.newSecret();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(insertSql)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(account.id()));
            insert.setString(3, secret.digest());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return secret.value();
    }

    /** A machine client with scope referrals:read, as an admin creates it: its id and its secret. */
    record Client(String id, String secret) {
    }

    Client newClient() {
        JsonPath created = given().auth().oauth2(newAdmin().accessToken()).contentType(ContentType.JSON)
                .body("{\"name\":\"contract\",\"scopes\":[\"referrals:read\"]}")
                .when().post("/api/v1/clients")
                .then().statusCode(201).extract().jsonPath();
        return new Client(created.getString("id"), created.getString("secret"));
    }

    /** Where the conformance cases' webhooks point: nobody listens there, which only fails their deliveries. */
    static final String WEBHOOK_URL = "http://127.0.0.1:9/conformance";

    /** A webhook endpoint that {@code admin} created: its id. */
    String newWebhook(Account admin) {
        return given().auth().oauth2(admin.accessToken()).contentType(ContentType.JSON)
                .body("{\"url\":\"" + WEBHOOK_URL + "\",\"events\":[\"referral.rewarded\"]}")
                .when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
    }

    static String uniqueUsername() {
        return unique("ct");
    }

    static String uniqueEmail() {
        return unique("ct") + "@example.com";
    }

    static String uniqueCode() {
        return "CT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    private static Account login(String id, String username, String email) {
        JsonPath tokens = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("username", username).formParam("password", PASSWORD)
                .when().post("/api/v1/auth/token")
                .then().statusCode(200).extract().jsonPath();
        return new Account(id, username, email, tokens.getString("access_token"), tokens.getString("refresh_token"));
    }
}
