package org.openreferral.adapter.rest.shared;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.UserId;

/** The authenticated caller of the current request, read from the verified access token. */
@RequestScoped
public class CallerProvider {

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

    public Caller current() {
        String subject = token.getSubject();
        if (subject == null) {
            throw new UnauthorizedException();
        }
        try {
            return new Caller(new UserId(UUID.fromString(subject)), token.getGroups().contains(Role.ADMIN.slug()));
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException();
        }
    }
}
