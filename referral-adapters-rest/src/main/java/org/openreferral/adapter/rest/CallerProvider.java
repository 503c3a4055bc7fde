package org.openreferral.adapter.rest;

import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openreferral.application.port.in.Caller;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.UserId;

/** The authenticated caller of the current request, read from the verified access token. */
@RequestScoped
public class CallerProvider {

    private final JsonWebToken token;

    CallerProvider(JsonWebToken token) {
        this.token = token;
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
