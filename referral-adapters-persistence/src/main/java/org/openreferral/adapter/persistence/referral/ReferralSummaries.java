package org.openreferral.adapter.persistence.referral;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openreferral.application.referral.port.out.ReferralRepository.CodeReferralCount;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralCounts;
import org.openreferral.domain.model.referral.CodeStatus;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.UserId;

/**
 * Referral counts read from the summary rows that the triggers of changeset 0014 keep (per referrer and status, per
 * code, per referrer and UTC day), so that no count reads a referrer's whole history.
 */
final class ReferralSummaries {

    private static final String STATUS_COLUMNS = "pending, flagged, qualified, rewarded, voided";
    private static final List<ReferralStatus> COLUMN_ORDER = List.of(ReferralStatus.PENDING, ReferralStatus.FLAGGED,
            ReferralStatus.QUALIFIED, ReferralStatus.REWARDED, ReferralStatus.VOIDED);

    private final ReferralPanacheRepository rows;

    ReferralSummaries(ReferralPanacheRepository rows) {
        this.rows = rows;
    }

    /** All referrals of the referrer, from its one summary row. */
    long total(UserId referrer) {
        return perStatus(referrer).values().stream().mapToLong(Long::longValue).sum();
    }

    /** All referrals made with the code, from its summary row. */
    long ofCode(ReferralCodeId code) {
        return perCode(List.of(code)).getOrDefault(code, 0L);
    }

    Map<ReferralStatus, Long> perStatus(UserId referrer) {
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        List<?> found = em()
                .createNativeQuery("select " + STATUS_COLUMNS + " from referrer_stats where referrer_id = ?1")
                .setParameter(1, referrer.value())
                .getResultList();
        if (!found.isEmpty()) {
            Object[] row = (Object[]) found.get(0);
            for (int i = 0; i < COLUMN_ORDER.size(); i++) {
                long count = ((Number) row[i]).longValue();
                if (count > 0) {
                    counts.put(COLUMN_ORDER.get(i), count);
                }
            }
        }
        return counts;
    }

    /**
     * The total, and the referrals made at or after each moment: the whole UTC days after the moment's day from the
     * daily rows (at most 31), plus the rows of the moment's own day from the moment on, read in the index on
     * (referrer_id, created_at) as one bounded range.
     */
    ReferralCounts counts(UserId referrer, Instant since7Days, Instant since30Days) {
        Object[] row = (Object[]) em().createNativeQuery("select"
                        + " coalesce((select pending + flagged + qualified + rewarded + voided from referrer_stats"
                        + "  where referrer_id = ?1), 0),"
                        + " coalesce((select sum(referrals) from referrer_daily_stats where referrer_id = ?1"
                        + "  and day > ?2), 0)"
                        + " + (select count(*) from referrals where referrer_id = ?1 and created_at >= ?3"
                        + "  and created_at < ?4),"
                        + " coalesce((select sum(referrals) from referrer_daily_stats where referrer_id = ?1"
                        + "  and day > ?5), 0)"
                        + " + (select count(*) from referrals where referrer_id = ?1 and created_at >= ?6"
                        + "  and created_at < ?7)")
                .setParameter(1, referrer.value())
                .setParameter(2, day(since7Days))
                .setParameter(3, since7Days)
                .setParameter(4, nextDay(since7Days))
                .setParameter(5, day(since30Days))
                .setParameter(6, since30Days)
                .setParameter(7, nextDay(since30Days))
                .getSingleResult();
        return new ReferralCounts(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    /** Codes without referrals are absent. */
    @SuppressWarnings("unchecked")
    Map<ReferralCodeId, Long> perCode(Collection<ReferralCodeId> codes) {
        Map<ReferralCodeId, Long> counts = new HashMap<>();
        if (codes.isEmpty()) {
            return counts;
        }
        List<Object[]> found = em().createNativeQuery("select code_id, referrals from referral_code_stats"
                        + " where code_id in (:codes) and referrals > 0")
                .setParameter("codes", codes.stream().map(ReferralCodeId::value).toList())
                .getResultList();
        found.forEach(row -> counts.put(new ReferralCodeId((UUID) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** Every code the referrer owns, with its count, newest first. */
    @SuppressWarnings("unchecked")
    List<CodeReferralCount> perOwnedCode(UserId referrer) {
        List<Object[]> found = em().createNativeQuery("select c.code, c.status, c.expires_at,"
                        + " coalesce(s.referrals, 0) from referral_codes c"
                        + " left join referral_code_stats s on s.code_id = c.id where c.owner_id = ?1"
                        + " order by c.created_at desc, c.id desc")
                .setParameter(1, referrer.value())
                .getResultList();
        return found.stream()
                .map(row -> new CodeReferralCount((String) row[0], CodeStatus.valueOf((String) row[1]),
                        instant(row[2]), ((Number) row[3]).longValue()))
                .toList();
    }

    /** A timestamptz as the driver hands it over in a native query. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant nextDay(Instant at) {
        return day(at).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private EntityManager em() {
        return rows.getEntityManager();
    }
}
