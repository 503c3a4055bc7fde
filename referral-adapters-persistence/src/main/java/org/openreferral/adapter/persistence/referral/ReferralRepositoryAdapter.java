package org.openreferral.adapter.persistence.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.adapter.persistence.shared.ConstraintViolations;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.CodeConflicts;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/**
 * Referrals in PostgreSQL. Unique indexes hold one referral per referee and per canonical mailbox; lifecycle
 * changes lock their row ({@code FOR UPDATE}), held rewards are claimed with {@code FOR UPDATE SKIP LOCKED}, and a
 * referrer's reward decisions are serialised by a transaction-scoped advisory lock. Counts come from the summary
 * rows that the schema's triggers keep ({@link ReferralSummaries}).
 */
@ApplicationScoped
public class ReferralRepositoryAdapter implements ReferralRepository {

    /** Keeps this adapter's advisory locks apart from any other use of the two-key form. */
    private static final int REWARD_LOCK_SPACE = 0x52455744;

    private final ReferralPanacheRepository rows;
    private final ReferralRecords records;
    private final ReferralSummaries summaries;

    ReferralRepositoryAdapter(ReferralPanacheRepository rows) {
        this.rows = rows;
        this.summaries = new ReferralSummaries(rows);
        this.records = new ReferralRecords(rows, summaries);
    }

    @Override
    public void add(Referral referral, Origin origin) {
        ReferralJpaEntity entity = ReferralRowMapper.toEntity(referral, origin);
        ConstraintViolations.translate(() -> {
            rows.persist(entity);
            rows.flush();
        }, Map.of("referrals_referee_uq", CodeConflicts::alreadyReferred,
                "referrals_referee_mailbox_uq", Referral::mailboxAlreadyReferred));
    }

    @Override
    public void update(Referral referral) {
        ReferralJpaEntity entity = rows.findById(referral.id().value());
        ReferralRowMapper.copyState(referral, entity);
        rows.flush();
    }

    @Override
    public Optional<Referral> lockById(ReferralId id) {
        return Optional.ofNullable(em().find(ReferralJpaEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(ReferralRowMapper::toDomain);
    }

    @Override
    public Optional<Referral> lockByReferee(UserId referee) {
        return rows.find("refereeId", referee.value()).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().map(ReferralRowMapper::toDomain);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<Referral> claimQualified(Instant qualifiedBy, int limit) {
        List<ReferralJpaEntity> claimed = em().createNativeQuery("select * from referrals where status = 'QUALIFIED'"
                        + " and qualified_at <= ?1 order by qualified_at, id limit ?2 for update skip locked",
                        ReferralJpaEntity.class)
                .setParameter(1, qualifiedBy)
                .setParameter(2, limit)
                .getResultList();
        return claimed.stream().map(ReferralRowMapper::toDomain).toList();
    }

    @Override
    public void lockRewardsOf(UserId referrer) {
        // Held until commit or rollback; a hash collision only serialises two referrers, it never breaks a cap.
        em().createNativeQuery("select 1 from (select pg_advisory_xact_lock(?1, ?2)) as locked")
                .setParameter(1, REWARD_LOCK_SPACE)
                .setParameter(2, referrer.value().hashCode())
                .getSingleResult();
    }

    @Override
    public boolean mailboxReferred(Email refereeEmail) {
        return rows.count("refereeMailbox", refereeEmail.canonical()) > 0;
    }

    @Override
    public long countFromNetwork(UserId referrer, String clientNetwork, Instant since) {
        return rows.count("referrerId = ?1 and clientNetwork = ?2 and createdAt >= ?3", referrer.value(), clientNetwork,
                since);
    }

    @Override
    public long countCredited(UserId referrer, Optional<Instant> since) {
        String credited = "referrerId = ?1 and status = 'REWARDED' and points > 0";
        return since.isPresent()
                ? rows.count(credited + " and rewardedAt >= ?2", referrer.value(), since.get())
                : rows.count(credited, referrer.value());
    }

    @Override
    public Optional<ReferralRecord> record(ReferralId id) {
        return records.one(id);
    }

    @Override
    public Page<ReferralRecord> list(Filter filter, PageRequest page) {
        return records.matching(filter, page);
    }

    @Override
    public Page<ReferralRecord> listByReferrer(UserId referrer, PageRequest page) {
        return records.ofReferrer(referrer, page);
    }

    @Override
    public Page<ReferralRecord> listByCode(ReferralCodeId code, PageRequest page) {
        return records.ofCode(code, page);
    }

    @Override
    public Slice<ReferralRecord> listByReferrer(UserId referrer, CursorRequest cursor) {
        return records.runOfReferrer(referrer, cursor);
    }

    @Override
    public Slice<ReferralRecord> listByCode(ReferralCodeId code, CursorRequest cursor) {
        return records.runOfCode(code, cursor);
    }

    @Override
    public Map<ReferralCodeId, Long> countByCode(Collection<ReferralCodeId> codes) {
        return summaries.perCode(codes);
    }

    @Override
    public ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days) {
        return summaries.counts(referrer, since7Days, since30Days);
    }

    @Override
    public Map<ReferralStatus, Long> countByStatus(UserId referrer) {
        return summaries.perStatus(referrer);
    }

    @Override
    public List<CodeReferralCount> countsPerCode(UserId referrer) {
        return summaries.perOwnedCode(referrer);
    }

    private EntityManager em() {
        return rows.getEntityManager();
    }
}
