package org.openreferral.application.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openreferral.application.account.port.out.TokenIssuer;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.User;
import org.openreferral.domain.model.user.UserId;

/** Issues recognisable fake tokens ({@code access-for-<user id>}) and remembers for whom and which session. */
public final class FakeTokenIssuer implements TokenIssuer {

    public static final Duration LIFETIME = Duration.ofMinutes(15);

    private final List<UserId> issuedTo = new ArrayList<>();
    private final List<SessionId> sessions = new ArrayList<>();

    @Override
    public AccessToken issue(User user, SessionId session) {
        issuedTo.add(user.id());
        sessions.add(session);
        return new AccessToken("access-for-" + user.id(), UUID.randomUUID().toString(), LIFETIME);
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
