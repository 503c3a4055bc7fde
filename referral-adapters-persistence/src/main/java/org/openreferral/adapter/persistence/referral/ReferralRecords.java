package org.openreferral.adapter.persistence.referral;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.openreferral.application.referral.port.out.ReferralRepository.Filter;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.ReferralCodeId;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.UserId;

/** The read side of referrals: each joined with its referee and code, newest first, in pages or in keyset runs. */
final class ReferralRecords {

    private static final String SELECT = "select r, u.username, u.email, c.code"
            + " from ReferralJpaEntity r, UserJpaEntity u, ReferralCodeJpaEntity c"
            + " where u.id = r.refereeId and c.id = r.codeId";

    private final ReferralPanacheRepository rows;
    private final ReferralSummaries summaries;

    ReferralRecords(ReferralPanacheRepository rows, ReferralSummaries summaries) {
        this.rows = rows;
        this.summaries = summaries;
    }

    Optional<ReferralRecord> one(ReferralId id) {
        return query(" and r.id = :id", Map.of("id", id.value()), "").getResultStream().findFirst()
                .map(ReferralRecords::record);
    }

    /** A code's referrals; the total is the code's summary row rather than a count of its referrals. */
    Page<ReferralRecord> ofCode(ReferralCodeId code, PageRequest page) {
        return page(" and r.codeId = :code", Map.of("code", code.value()), page, () -> summaries.ofCode(code));
    }

    /** A referrer's referrals; the total is the referrer's summary row rather than a count of their referrals. */
    Page<ReferralRecord> ofReferrer(UserId referrer, PageRequest page) {
        return page(" and r.referrerId = :referrer", Map.of("referrer", referrer.value()), page,
                () -> summaries.total(referrer));
    }

    /** A run of a referrer's referrals after a position (keyset paging). */
    Slice<ReferralRecord> runOfReferrer(UserId referrer, CursorRequest cursor) {
        return run(KeysetColumn.REFERRER, referrer.value(), cursor);
    }

    /** A run of a code's referrals after a position (keyset paging). */
    Slice<ReferralRecord> runOfCode(ReferralCodeId code, CursorRequest cursor) {
        return run(KeysetColumn.CODE, code.value(), cursor);
    }

    Page<ReferralRecord> matching(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        filter.status().ifPresent(status -> {
            where.append(" and r.status = :status");
            parameters.put("status", status.name());
        });
        filter.referrer().ifPresent(referrer -> {
            where.append(" and r.referrerId = :referrer");
            parameters.put("referrer", referrer.value());
        });
        filter.referee().ifPresent(referee -> {
            where.append(" and r.refereeId = :referee");
            parameters.put("referee", referee.value());
        });
        return page(where.toString(), parameters, page, () -> count(where.toString(), parameters));
    }

    private Page<ReferralRecord> page(String where, Map<String, Object> parameters, PageRequest page,
                                      LongSupplier total) {
        List<ReferralRecord> items = query(where, parameters, " order by r.createdAt desc, r.id desc")
                .setFirstResult((int) page.offset())
                .setMaxResults(page.size())
                .getResultStream()
                .map(ReferralRecords::record)
                .toList();
        return Page.of(new ArrayList<>(items), total.getAsLong(), page);
    }

    private long count(String where, Map<String, Object> parameters) {
        String condition = where.isEmpty() ? "" : " where" + where.substring(" and".length());
        TypedQuery<Long> count = em().createQuery("select count(r) from ReferralJpaEntity r" + condition, Long.class);
        parameters.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * The ids come first, from one range of the index on (column, created_at DESC, id DESC): the row comparison with
     * the position is the range's start and the limit its end, so the read costs the same at any depth. Then the
     * records of just those ids.
     */
    @SuppressWarnings("unchecked")
    private Slice<ReferralRecord> run(KeysetColumn column, UUID owner, CursorRequest cursor) {
        Query ids = em().createNativeQuery(runSql(column, cursor.after().isPresent()))
                .setParameter("owner", owner)
                .setParameter("limit", cursor.lookahead());
        cursor.after().ifPresent(position -> ids.setParameter("at", position.createdAt())
                .setParameter("id", position.id()));
        List<UUID> found = ids.getResultList();
        if (found.isEmpty()) {
            return Slice.of(List.of(), cursor, ReferralRecord::position);
        }
        Map<UUID, ReferralRecord> byId = query(" and r.id in :ids", Map.of("ids", found), "").getResultStream()
                .map(ReferralRecords::record)
                .collect(Collectors.toMap(record -> record.id().value(), Function.identity()));
        return Slice.of(found.stream().map(byId::get).toList(), cursor, ReferralRecord::position);
    }

    /** The list a run reads: the referrals of one referrer, or of one code, each with its index. */
    enum KeysetColumn {
        REFERRER("referrer_id"),
        CODE("code_id");

        private final String column;

        KeysetColumn(String column) {
            this.column = column;
        }
    }

    /** The id query of a run, with or without a position to start after. */
    static String runSql(KeysetColumn column, boolean after) {
        return "select id from referrals where " + column.column + " = :owner"
                + (after ? " and (created_at, id) < (:at, :id)" : "")
                + " order by created_at desc, id desc limit :limit";
    }

    private TypedQuery<Object[]> query(String where, Map<String, Object> parameters, String order) {
        TypedQuery<Object[]> query = em().createQuery(SELECT + where + order, Object[].class);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static ReferralRecord record(Object[] row) {
        return new ReferralRecord(ReferralRowMapper.toDomain((ReferralJpaEntity) row[0]), (String) row[1],
                new Email((String) row[2]), (String) row[3]);
    }

    private EntityManager em() {
        return rows.getEntityManager();
    }
}
