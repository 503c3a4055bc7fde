package org.openreferral.application.integration.port.in;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openreferral.domain.model.client.Scope;

/**
 * Use case: the OAuth2 client credentials grant. A client presents its id and secret and gets an access token for
 * the scopes it asks for (a subset of its own) or, asking for none, for all of its scopes. No refresh token.
 */
public interface IssueClientTokenUseCase {

    /**
     * Throws {@code AuthenticationFailedException} {@code invalid-client} for an unknown client or a wrong secret (one
     * answer for both), and {@code InvalidScopeException} {@code invalid-scope} for a scope the client lacks.
     */
    ClientToken issue(IssueClientTokenCommand command);

    /** The credentials as presented (the id not yet parsed: a malformed one is just a wrong one). */
    record IssueClientTokenCommand(String clientId, String clientSecret, Optional<Set<Scope>> scopes) {

        public IssueClientTokenCommand {
            scopes = scopes.map(Set::copyOf);
        }

        @Override
        public String toString() {
            return "IssueClientTokenCommand[clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }

    record ClientToken(String accessToken, Duration lifetime, List<Scope> scopes) {

        public ClientToken {
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "ClientToken[scopes=" + scopes + "]";
        }
    }
}
