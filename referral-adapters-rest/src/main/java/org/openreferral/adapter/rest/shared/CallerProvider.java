package org.openreferral.adapter.rest.shared;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.UserId;

/** The authenticated caller of the current request, read from the verified access token. */
@RequestScoped
public class CallerProvider {

    /** The group of a machine client's token, and its claim listing the granted scopes (as the issuer writes them). */
    static final String CLIENT_GROUP = "client";
    static final String SCOPE_CLAIM = "scope";

    private final JsonWebToken token;

    CallerProvider(JsonWebToken token) {
        this.token = token;
    }

    /** What the verified access token of this request says about itself: its id, session and expiry. */
    public record PresentedToken(String id, SessionId sessionId, Instant expiresAt) {
    }

    public PresentedToken presentedToken() {
        Object session = token.getClaim("sid");
        String sessionText = session instanceof JsonString json ? json.getString() : session == null ? null
                : session.toString();
        try {
            return new PresentedToken(token.getTokenID(),
                    sessionText == null ? null : new SessionId(UUID.fromString(sessionText)),
                    Instant.ofEpochSecond(token.getExpirationTime()));
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException();
        }
    }

    /**
     * The person asking. A machine client's token on an endpoint for people is refused with 403 {@code forbidden}:
     * every such endpoint asks for its caller here, so none can forget the check.
     */
    public Caller current() {
        Caller caller = any();
        if (caller.client()) {
            throw new PermissionDeniedException();
        }
        return caller;
    }

    /**
     * The person or machine client asking, for the endpoints that clients may use with a scope: a client's token has
     * group {@code client} and its granted scopes in claim {@code scope}.
     */
    public Caller any() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        UserId id;
        try {
            id = new UserId(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException();
        }
        Set<String> groups = token.getGroups() == null ? Set.of() : token.getGroups();
        if (groups.contains(CLIENT_GROUP)) {
            return Caller.client(id, scopes(token.getClaim(SCOPE_CLAIM)));
        }
        return new Caller(id, groups.contains(Role.ADMIN.slug()));
    }

    // Names this version does not know are ignored: they grant nothing.
    private static Set<Scope> scopes(Object claim) {
        String text = claim instanceof JsonString json ? json.getString() : claim == null ? "" : claim.toString();
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : text.split(" ")) {
            Arrays.stream(Scope.values()).filter(scope -> scope.slug().equals(name)).forEach(scopes::add);
        }
        return scopes;
    }
}
