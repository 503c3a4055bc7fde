package org.openreferral.adapter.persistence.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.out.IdempotencyEntry;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.integration.port.out.KeptAnswer;

/**
 * Idempotency keys in PostgreSQL. A claim is {@code INSERT ... ON CONFLICT DO NOTHING} on the scope's primary key,
 * so of concurrent claims exactly one inserts (the others wait for it, then see its row); a take-over is one
 * conditional {@code UPDATE}, so two retries of a dead claim cannot both take it.
 */
@ApplicationScoped
public class IdempotencyStoreAdapter implements IdempotencyStore {

    private static final String IN_FLIGHT = IdempotencyEntry.State.IN_FLIGHT.name();
    private static final String COMPLETE = IdempotencyEntry.State.COMPLETE.name();

    private final EntityManager em;

    IdempotencyStoreAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean claim(IdempotencyEntry claim) {
        return withClaim(em.createNativeQuery("insert into idempotency_keys (scope_hash, request_hash, claim_id,"
                        + " state, locked_until, created_at, expires_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                        + " on conflict (scope_hash) do nothing"), claim)
                .executeUpdate() == 1;
    }

    @Override
    public boolean takeOver(IdempotencyEntry claim, Instant now) {
        return withClaim(em.createNativeQuery("update idempotency_keys set request_hash = ?2, claim_id = ?3,"
                        + " state = ?4, locked_until = ?5, response_status = null, response_content_type = null,"
                        + " response_location = null, response_body = null, created_at = ?6, expires_at = ?7"
                        + " where scope_hash = ?1 and ((state = ?4 and locked_until <= ?8) or expires_at <= ?8)"),
                claim)
                .setParameter(8, now)
                .executeUpdate() == 1;
    }

    /** Binds a claim to parameters 1 to 7: scope, request, claim id, in-flight state, lock end, creation, expiry. */
    private static Query withClaim(Query query, IdempotencyEntry claim) {
        return query.setParameter(1, claim.scopeDigest())
                .setParameter(2, claim.requestDigest())
                .setParameter(3, claim.claimId())
                .setParameter(4, IN_FLIGHT)
                .setParameter(5, claim.lockedUntil())
                .setParameter(6, claim.createdAt())
                .setParameter(7, claim.expiresAt());
    }

    @Override
    public Optional<IdempotencyEntry> find(String scopeDigest) {
        return Optional.ofNullable(em.find(IdempotencyKeyJpaEntity.class, scopeDigest))
                .map(IdempotencyStoreAdapter::toEntry);
    }

    @Override
    public boolean complete(String scopeDigest, UUID claimId, KeptAnswer answer, Instant expiresAt) {
        IdempotencyKeyJpaEntity row = lockedClaim(scopeDigest, claimId);
        if (row == null || !IN_FLIGHT.equals(row.state)) {
            return false;
        }
        row.state = COMPLETE;
        row.responseStatus = answer.status();
        row.responseContentType = answer.contentType();
        row.responseLocation = answer.location().orElse(null);
        row.responseBody = answer.body();
        row.expiresAt = expiresAt;
        em.flush();
        return true;
    }

    @Override
    public boolean release(String scopeDigest, UUID claimId) {
        IdempotencyKeyJpaEntity row = lockedClaim(scopeDigest, claimId);
        if (row == null) {
            return false;
        }
        em.remove(row);
        em.flush();
        return true;
    }

    @Override
    public int purgeExpired(Instant now) {
        return em.createNativeQuery("delete from idempotency_keys where expires_at <= ?1"
                        + " and (state = ?2 or locked_until <= ?1)")
                .setParameter(1, now)
                .setParameter(2, COMPLETE)
                .executeUpdate();
    }

    // The row, locked, if claim claimId still holds it (not taken over by a later request).
    private IdempotencyKeyJpaEntity lockedClaim(String scopeDigest, UUID claimId) {
        IdempotencyKeyJpaEntity row = em.find(IdempotencyKeyJpaEntity.class, scopeDigest,
                LockModeType.PESSIMISTIC_WRITE);
        return row != null && row.claimId.equals(claimId) ? row : null;
    }

    private static IdempotencyEntry toEntry(IdempotencyKeyJpaEntity row) {
        IdempotencyEntry.State state = IdempotencyEntry.State.valueOf(row.state);
        Optional<KeptAnswer> answer = state == IdempotencyEntry.State.COMPLETE
                ? Optional.of(new KeptAnswer(row.responseStatus, row.responseContentType,
                        Optional.ofNullable(row.responseLocation), row.responseBody))
                : Optional.empty();
        return new IdempotencyEntry(row.scopeHash, row.requestHash, row.claimId, state, row.lockedUntil, answer,
                row.createdAt, row.expiresAt);
    }
}
