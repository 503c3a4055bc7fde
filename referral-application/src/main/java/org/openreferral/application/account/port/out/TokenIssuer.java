package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.util.Set;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;

/** Out-port: signs access tokens (JWTs) for an authenticated user within one login session. */
public interface TokenIssuer {

    /** A token for the user that names its session (claim {@code sid}), so that logout can end it. */
    AccessToken issue(User user, SessionId session);

    /**
     * A token for a machine client: subject the client id, group {@code client}, claim {@code scope} (the granted
     * scopes, space-separated), no session.
     */
    AccessToken issueForClient(ClientId client, Set<Scope> scopes);

    /** The longest time after issue that any access token is accepted: its lifetime plus the clock skew. */
    Duration longestValidity();

    /** How far past its expiry the verifier still accepts a token. */
    Duration clockSkew();

    /** A signed token and how long it lives. */
    record AccessToken(String value, String id, Duration lifetime) {

        @Override
        public String toString() {
            return "AccessToken[id=" + id + "]";
        }
    }
}
