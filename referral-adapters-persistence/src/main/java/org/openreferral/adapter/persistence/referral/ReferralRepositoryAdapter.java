package org.openreferral.adapter.persistence.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openreferral.adapter.persistence.account.UserJpaEntity;
import org.openreferral.adapter.persistence.shared.ConstraintViolations;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** Referrals in PostgreSQL and the read side over them; every query reads one referrer's or code's rows. */
@ApplicationScoped
public class ReferralRepositoryAdapter implements ReferralRepository {

    private static final String RECORD_SELECT = "select r.id, u.id, u.username, u.email, c.code, r.createdAt"
            + " from ReferralJpaEntity r, UserJpaEntity u, ReferralCodeJpaEntity c"
            + " where u.id = r.refereeId and c.id = r.codeId";

    private final ReferralPanacheRepository rows;

    ReferralRepositoryAdapter(ReferralPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void add(Referral referral) {
        ReferralJpaEntity entity = new ReferralJpaEntity();
        entity.id = referral.id().value();
        entity.referrerId = referral.referrer().value();
        entity.refereeId = referral.referee().value();
        entity.codeId = referral.code().value();
        entity.createdAt = referral.createdAt();
        ConstraintViolations.translate(() -> {
            rows.persist(entity);
            rows.flush();
        }, Map.of("referrals_referee_uq", CodeConflicts::alreadyReferred));
    }

    @Override
    public Page<ReferralRecord> listByReferrer(UserId referrer, PageRequest page) {
        return records("r.referrerId", referrer.value(), page);
    }

    @Override
    public Page<ReferralRecord> listByCode(ReferralCodeId code, PageRequest page) {
        return records("r.codeId", code.value(), page);
    }

    private Page<ReferralRecord> records(String column, UUID key, PageRequest page) {
        EntityManager em = rows.getEntityManager();
        List<ReferralRecord> items = em.createQuery(RECORD_SELECT + " and " + column + " = :key"
                        + " order by r.createdAt desc, r.id desc", Object[].class)
                .setParameter("key", key)
                .setFirstResult((int) page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(row -> new ReferralRecord(new ReferralId((UUID) row[0]), new UserId((UUID) row[1]), (String) row[2],
                        new Email((String) row[3]), (String) row[4], (Instant) row[5]))
                .toList();
        long total = em.createQuery("select count(r) from ReferralJpaEntity r where " + column + " = :key", Long.class)
                .setParameter("key", key).getSingleResult();
        return Page.of(items, total, page);
    }

    @Override
    public Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> codes) {
        Map<ReferralCodeId, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        rows.getEntityManager()
                .createQuery("select r.codeId, count(r) from ReferralJpaEntity r where r.codeId in :codes"
                        + " group by r.codeId", Object[].class)
                .setParameter("codes", codes.stream().map(ReferralCodeId::value).toList())
                .getResultStream()
                .forEach(row -> counts.put(new ReferralCodeId((UUID) row[0]), (Long) row[1]));
        return counts;
    }

    @Override
    public ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days) {
        Object[] row = (Object[]) rows.getEntityManager()
                .createNativeQuery("select count(*), count(*) filter (where created_at >= ?2),"
                        + " count(*) filter (where created_at >= ?3) from referrals where referrer_id = ?1")
                .setParameter(1, referrer.value())
                .setParameter(2, since7Days)
                .setParameter(3, since30Days)
                .getSingleResult();
        return new ReferralCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    @Override
    public List<CodeReferralCount> countsPerCode(UserId referrer) {
        return rows.getEntityManager()
                .createQuery("select c.code, c.status, c.expiresAt, count(r.id) from ReferralCodeJpaEntity c"
                        + " left join ReferralJpaEntity r on r.codeId = c.id where c.ownerId = :owner"
                        + " group by c.id, c.code, c.status, c.expiresAt, c.createdAt"
                        + " order by c.createdAt desc, c.id desc", Object[].class)
                .setParameter("owner", referrer.value())
                .getResultStream()
                .map(row -> new CodeReferralCount((String) row[0], CodeStatus.valueOf((String) row[1]),
                        (Instant) row[2], (Long) row[3]))
                .toList();
    }
}
