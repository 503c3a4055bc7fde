package org.openreferral.adapter.persistence.referral;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.user.UserId;

/**
 * The reward ledger in PostgreSQL: insert-only (a trigger refuses updates and deletes); a unique index allows one
 * entry per referral, user and reason, and a check allows negative points only for a reversal.
 */
@ApplicationScoped
public class RewardLedgerAdapter implements RewardLedger {

    private final RewardEntryPanacheRepository rows;

    RewardLedgerAdapter(RewardEntryPanacheRepository rows) {
        this.rows = rows;
    }

    @Override
    public void append(List<RewardEntry> entries) {
        entries.stream().map(ReferralMapper::toEntity).forEach(rows::persist);
        rows.flush();
    }

    @Override
    public long balance(UserId user) {
        // The row that the ledger's insert trigger keeps (changeset 0014): one row, whatever the ledger's length.
        List<?> found = rows.getEntityManager()
                .createNativeQuery("select balance from reward_balances where user_id = ?1")
                .setParameter(1, user.value())
                .getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
    }

    @Override
    public Page<RewardEntry> entries(UserId user, PageRequest page) {
        PanacheQuery<RewardEntryJpaEntity> query = rows.find("userId = ?1", Sort.descending("createdAt", "id"),
                user.value());
        return Page.of(query.page(page.page() - 1, page.size()).list().stream().map(ReferralMapper::toDomain).toList(),
                query.count(), page);
    }

    /**
     * The ids first, from one range of {@code reward_entries_user_created_idx (user_id, created_at DESC, id DESC)}:
     * the row comparison with the position starts the range and the limit ends it; then those entries.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Slice<RewardEntry> entries(UserId user, CursorRequest cursor) {
        Query ids = rows.getEntityManager().createNativeQuery(runSql(cursor.after().isPresent()))
                .setParameter("owner", user.value())
                .setParameter("limit", cursor.lookahead());
        cursor.after().ifPresent(position -> ids.setParameter("at", position.createdAt())
                .setParameter("id", position.id()));
        List<UUID> found = ids.getResultList();
        Map<UUID, RewardEntry> byId = found.isEmpty() ? Map.of() : rows.find("id in ?1", found).list().stream()
                .map(ReferralMapper::toDomain)
                .collect(Collectors.toMap(RewardEntry::id, Function.identity()));
        return Slice.of(found.stream().map(byId::get).toList(), cursor, RewardLedger::positionOf);
    }

    /** The id query of a run of one user's entries, with or without a position to start after. */
    static String runSql(boolean after) {
        return "select id from reward_entries where user_id = :owner"
                + (after ? " and (created_at, id) < (:at, :id)" : "")
                + " order by created_at desc, id desc limit :limit";
    }

    @Override
    public List<RewardEntry> entriesOf(ReferralId referral) {
        return rows.find("referralId = ?1", Sort.ascending("createdAt", "id"), referral.value()).list().stream()
                .map(ReferralMapper::toDomain).toList();
    }
}
