package org.openreferral.adapter.persistence.referral;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.adapter.persistence.account.UserJpaEntity;
import org.openreferral.adapter.persistence.shared.ConstraintViolations;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.referral.ReferralCode;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/**
 * Referral codes in PostgreSQL. A partial unique index allows one ACTIVE row per owner and a unique
 * index on lower(code) keeps codes unique forever; their violations become the domain's conflicts.
 */
@ApplicationScoped
public class ReferralCodeRepositoryAdapter implements ReferralCodeRepository {

    /**
     * {@link CodeStatus#effective} in JPQL, for the queries that must filter in the database: a code {@code c}
     * that is ACTIVE at {@code :now}. The repository contract tests hold it to the domain's rule.
     */
    private static final String EFFECTIVELY_ACTIVE = "c.status = 'ACTIVE' and c.expiresAt > :now";
    /** {@link CodeStatus#effective} in JPQL: a code {@code c} still stored ACTIVE that is EXPIRED at {@code :now}. */
    private static final String STORED_ACTIVE_BUT_EXPIRED = "c.status = 'ACTIVE' and c.expiresAt <= :now";

    private final ReferralCodePanacheRepository rows;

    ReferralCodeRepositoryAdapter(ReferralCodePanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(ReferralCode code) {
        ConstraintViolations.translate(() -> {
            rows.persist(ReferralMapper.toEntity(code));
            rows.flush();
        }, Map.of("referral_codes_one_active_per_owner_uq", CodeConflicts::activeCodeExists,
                "referral_codes_code_lower_uq", CodeConflicts::codeTaken));
    }

    @Override
    public void update(ReferralCode code) {
        ReferralCodeJpaEntity entity = rows.findById(code.id().value());
        ReferralMapper.copyState(code, entity);
        rows.flush();
    }

    @Override
    public int expireOverdue(UserId owner, Instant now) {
        // Loaded and changed rather than a bulk update, so that codes this transaction has read already see
        // the change; the partial unique index leaves at most one ACTIVE row per owner to load.
        List<ReferralCodeJpaEntity> overdue = rows.find("from ReferralCodeJpaEntity c where c.ownerId = :owner and "
                        + STORED_ACTIVE_BUT_EXPIRED, Parameters.with("owner", owner.value()).and("now", now))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        overdue.forEach(row -> row.status = CodeStatus.EXPIRED.name());
        rows.flush();
        return overdue.size();
    }

    @Override
    public Optional<ReferralCode> findActive(UserId owner, Instant now) {
        return rows.find("from ReferralCodeJpaEntity c where c.ownerId = :owner and " + EFFECTIVELY_ACTIVE,
                        Parameters.with("owner", owner.value()).and("now", now))
                .firstResultOptional().map(ReferralMapper::toDomain);
    }

    @Override
    public Optional<ReferralCode> findByValue(CodeValue value, Lock lock) {
        PanacheQuery<ReferralCodeJpaEntity> query = rows.find("lower(code) = ?1", value.normalized());
        switch (lock) {
            case SHARE -> query.withLock(LockModeType.PESSIMISTIC_READ);
            case UPDATE -> query.withLock(LockModeType.PESSIMISTIC_WRITE);
            case NONE -> { }
        }
        return query.firstResultOptional().map(ReferralMapper::toDomain);
    }

    @Override
    public Page<ReferralCode> listByOwner(UserId owner, PageRequest page) {
        PanacheQuery<ReferralCodeJpaEntity> query = rows.find("ownerId = ?1", Sort.descending("createdAt", "id"),
                owner.value());
        return Page.of(query.page(page.page() - 1, page.size()).list().stream().map(ReferralMapper::toDomain).toList(),
                query.count(), page);
    }

    @Override
    public Optional<ReferralCode> findActiveByOwnerEmail(Email ownerEmail, Instant now) {
        return rows.getEntityManager()
                .createQuery("select c from ReferralCodeJpaEntity c, UserJpaEntity u where u.id = c.ownerId"
                        + " and lower(u.email) = :email and " + EFFECTIVELY_ACTIVE, ReferralCodeJpaEntity.class)
                .setParameter("email", ownerEmail.value())
                .setParameter("now", now)
                .getResultStream().findFirst().map(ReferralMapper::toDomain);
    }
}
