package org.openreferral.adapter.persistence.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.domain.model.session.RefreshToken;
import org.openreferral.domain.model.session.SessionId;
import org.openreferral.domain.model.user.UserId;

/**
 * Refresh tokens in PostgreSQL. A presented token is read {@code FOR UPDATE}, so concurrent uses of one
 * token run one after the other; a partial unique index allows one ACTIVE token per session.
 */
@ApplicationScoped
public class RefreshTokenRepositoryAdapter implements RefreshTokenRepository {

    private final RefreshTokenPanacheRepository rows;

    RefreshTokenRepositoryAdapter(RefreshTokenPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(RefreshToken token) {
        rows.persist(SessionPersistenceMapper.toEntity(token));
        rows.flush();
    }

    @Override
    public void update(RefreshToken token) {
        RefreshTokenJpaEntity entity = rows.findById(token.id());
        SessionPersistenceMapper.copyState(token, entity);
        // Flushed at once: Hibernate would otherwise insert the successor before this update, and the
        // one-active-per-session index would refuse it.
        rows.flush();
    }

    @Override
    public Optional<RefreshToken> findByDigestForUpdate(String digest) {
        return rows.find("tokenHash", digest).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(SessionPersistenceMapper::toDomain);
    }

    @Override
    public Optional<UserId> ownerOf(String digest) {
        // A scalar query: the token is not loaded into the persistence context, so the locked read that follows
        // returns the row as it is once the lock is granted, not an instance cached before.
        return rows.getEntityManager()
                .createQuery("select t.userId from RefreshTokenJpaEntity t where t.tokenHash = :digest", UUID.class)
                .setParameter("digest", digest)
                .getResultStream().findFirst().map(UserId::new);
    }

    @Override
    public Optional<Instant> sessionStartedAt(SessionId session) {
        return Optional.ofNullable(rows.getEntityManager()
                .createQuery("select min(t.createdAt) from RefreshTokenJpaEntity t where t.sessionId = :session",
                        Instant.class)
                .setParameter("session", session.value())
                .getSingleResult());
    }

    @Override
    public int revokeSession(SessionId session, UserId user, Instant now) {
        return rows.update("status = 'REVOKED', revokedAt = ?1 where sessionId = ?2 and userId = ?3"
                + " and status <> 'REVOKED'", now, session.value(), user.value());
    }

    @Override
    public Set<SessionId> revokeAllOf(UserId user, Instant now) {
        List<UUID> live = rows.getEntityManager()
                .createQuery("select distinct t.sessionId from RefreshTokenJpaEntity t"
                        + " where t.userId = :user and t.status = 'ACTIVE'", UUID.class)
                .setParameter("user", user.value())
                .getResultList();
        rows.update("status = 'REVOKED', revokedAt = ?1 where userId = ?2 and status <> 'REVOKED'", now,
                user.value());
        Set<SessionId> sessions = new LinkedHashSet<>();
        live.forEach(id -> sessions.add(new SessionId(id)));
        return sessions;
    }

    @Override
    public boolean isSessionRevoked(SessionId session) {
        return !rows.getEntityManager()
                .createQuery("select 1 from RefreshTokenJpaEntity t where t.sessionId = :session"
                        + " and t.status = 'REVOKED'", Integer.class)
                .setParameter("session", session.value())
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public Map<SessionId, Instant> sessionsRevokedSince(Instant since) {
        List<Object[]> found = rows.getEntityManager()
                .createQuery("select t.sessionId, max(t.revokedAt) from RefreshTokenJpaEntity t"
                        + " where t.status = 'REVOKED' and t.revokedAt >= :since group by t.sessionId", Object[].class)
                .setParameter("since", since)
                .getResultList();
        Map<SessionId, Instant> revoked = new LinkedHashMap<>();
        found.forEach(row -> revoked.put(new SessionId((UUID) row[0]), (Instant) row[1]));
        return revoked;
    }
}
