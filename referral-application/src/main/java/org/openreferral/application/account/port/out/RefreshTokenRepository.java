package org.openreferral.application.account.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where refresh tokens are kept, by the digest of their secret only. */
public interface RefreshTokenRepository {

    /** Stores a new token. */
    void add(RefreshToken token);

    /** Stores a changed token (rotated); must be written before a successor is added. */
    void update(RefreshToken token);

    /**
     * The token with this digest, locked until the transaction ends, so that two concurrent uses of one
     * token are settled one after the other.
     */
    Optional<RefreshToken> findByDigestForUpdate(String digest);

    /**
     * The owner of the token with this digest, read without a lock and without loading the token: a rotation locks
     * the owner's sessions ({@code UserRepository.lockSessions}) before it locks the token.
     */
    Optional<UserId> ownerOf(String digest);

    /** When the session's first token was issued (its login); empty for a session with no token. */
    Optional<Instant> sessionStartedAt(SessionId session);

    /** Revokes every token of the session that is not revoked yet; returns how many. */
    int revokeSession(SessionId session, UserId user, Instant now);

    /**
     * Revokes every token of every session of the user; returns the sessions that were still live (had an
     * active token), whose access tokens may still be around.
     */
    Set<SessionId> revokeAllOf(UserId user, Instant now);

    /**
     * Whether the session was revoked (logout, password reset, a reused token): the source of truth of the
     * access-token deny-list, asked when the list cannot answer.
     */
    boolean isSessionRevoked(SessionId session);

    /** The sessions revoked at or after {@code since}, each with its latest revocation. */
    Map<SessionId, Instant> sessionsRevokedSince(Instant since);
}
