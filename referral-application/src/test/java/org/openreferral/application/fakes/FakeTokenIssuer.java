package org.openreferral.application.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.domain.model.client.ClientId;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/** Issues recognisable fake tokens ({@code access-for-<user id>}) and remembers for whom and which session. */
public final class FakeTokenIssuer implements TokenIssuer {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final List<UserId> issuedTo = new ArrayList<>();
    private final List<SessionId> sessions = new ArrayList<>();
    private final List<ClientId> issuedToClients = new ArrayList<>();

    @Override
    public AccessToken issue(User user, SessionId session) {
        issuedTo.add(user.id());
        sessions.add(session);
        return new AccessToken("access-for-" + user.id(), UUID.randomUUID().toString(), LIFETIME);
    }

    @Override
    public AccessToken issueForClient(ClientId client, Set<Scope> scopes) {
        issuedToClients.add(client);
        return new AccessToken("access-for-client-" + client + "-" + scopes.stream().map(Scope::slug).sorted()
                .collect(java.util.stream.Collectors.joining("+")), UUID.randomUUID().toString(), LIFETIME);
    }

    /** The clients tokens were issued to, in order. */
    public List<ClientId> issuedToClients() {
        return List.copyOf(issuedToClients);
    }

    @Override
    public Duration longestValidity() {
        return LIFETIME.plus(clockSkew());
    }

    @Override
    public Duration clockSkew() {
        return Duration.ofSeconds(30);
    }

    public List<UserId> issuedTo() {
        return List.copyOf(issuedTo);
    }

    /** The session named by each issued token, in order. */
    public List<SessionId> sessions() {
        return List.copyOf(sessions);
    }
}
