package org.openreferral.application.port.out;

import java.time.Duration;
import org.openreferral.domain.model.user.User;

/** Out-port: signs access tokens (JWTs) for an authenticated user. */
public interface TokenIssuer {

    AccessToken issue(User user);

    /** A signed token and how long it lives. */
    record AccessToken(String value, String id, Duration lifetime) {

        @Override
        public String toString() {
            return "AccessToken[id=" + id + "]";
        }
    }
}
