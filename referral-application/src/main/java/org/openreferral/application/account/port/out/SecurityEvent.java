package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.UserId;

/**
 * One entry of the security event log: its type and its fields, in order. Only the factories below make events, and
 * they take ids, counts and masked data: no password, token or full email address can reach the log through them.
 */
public final class SecurityEvent {

    /** What happened; {@link #slug()} is the entry's {@code event} field. */
    public enum Type {
        ACCOUNT_LOCKED("account.locked"),
        REFRESH_TOKEN_REUSED("refresh-token.reused"),
        PASSWORD_RESET_REQUESTED("password-reset.requested"),
        PASSWORD_RESET_COMPLETED("password-reset.completed"),
        CLIENT_CREATED("client.created"),
        CLIENT_DELETED("client.deleted");

        private final String slug;

        Type(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    /** What became of a reset request. */
    public enum ResetOutcome {
        MAILED("mailed"),
        MAIL_LIMIT_REACHED("mail-limit-reached"),
        UNKNOWN_ACCOUNT("unknown-account");

        private final String slug;

        ResetOutcome(String slug) {
            this.slug = slug;
        }
    }

    private final Type type;
    private final Map<String, String> fields;

    private SecurityEvent(Type type, Map<String, String> fields) {
        this.type = type;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * An account was locked after too many failed logins: an existing user by id, an unknown login by its first
     * character only (a login field sometimes holds a mistyped password); {@code scope} says for whom (one client
     * network, one device, or the whole account).
     */
    public static SecurityEvent accountLocked(Optional<UserId> user, LoginName login, Duration lockout,
                                              String scope) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (user.isPresent()) {
            fields.put("user", user.get().toString());
        } else {
            fields.put("login", maskedLogin(login));
        }
        fields.put("scope", scope);
        fields.put("locked-for", lockout.toString());
        return new SecurityEvent(Type.ACCOUNT_LOCKED, fields);
    }

    /** A rotated refresh token was presented again: a copy, so its session was revoked. */
    public static SecurityEvent refreshTokenReused(UserId user, SessionId session) {
        return new SecurityEvent(Type.REFRESH_TOKEN_REUSED, ordered("user", user.toString(),
                "session", session.toString(), "action", "session-revoked"));
    }

    /** A reset link was asked for an existing account. */
    public static SecurityEvent passwordResetRequested(UserId user, ResetOutcome outcome) {
        if (outcome == ResetOutcome.UNKNOWN_ACCOUNT) {
            throw new IllegalArgumentException("an existing account's request is mailed or limited");
        }
        return new SecurityEvent(Type.PASSWORD_RESET_REQUESTED, ordered("user", user.toString(),
                "outcome", outcome.slug));
    }

    /** A reset link was asked for an address no account has. */
    public static SecurityEvent passwordResetRequestedForUnknownAddress(Email email) {
        return new SecurityEvent(Type.PASSWORD_RESET_REQUESTED, ordered("email", email.masked(),
                "outcome", ResetOutcome.UNKNOWN_ACCOUNT.slug));
    }

    /** A reset link set a new password; every session of the user ended. */
    public static SecurityEvent passwordResetCompleted(UserId user, int endedSessions) {
        return new SecurityEvent(Type.PASSWORD_RESET_COMPLETED, ordered("user", user.toString(),
                "sessions-ended", Integer.toString(endedSessions)));
    }

    /** An admin created a machine client. */
    public static SecurityEvent clientCreated(Caller admin, ClientId client, Set<Scope> scopes) {
        return new SecurityEvent(Type.CLIENT_CREATED, ordered("client", client.toString(),
                "by", admin.id().toString(),
                "scopes", scopes.stream().map(Scope::slug).sorted().collect(Collectors.joining(","))));
    }

    /** An admin deleted a machine client. */
    public static SecurityEvent clientDeleted(Caller admin, ClientId client) {
        return new SecurityEvent(Type.CLIENT_DELETED, ordered("client", client.toString(),
                "by", admin.id().toString()));
    }

    public Type type() {
        return type;
    }

    /** The fields after {@code event}, in the order they are written. */
    public Map<String, String> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecurityEvent event && type == event.type && fields.equals(event.fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, fields);
    }

    @Override
    public String toString() {
        return type.slug() + " " + fields;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    private static String maskedLogin(LoginName login) {
        String value = login.normalized();
        return new String(Character.toChars(value.codePointAt(0))) + "***";
    }
}
