package org.openreferral.adapter.persistence.referral;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
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
        // The balance row that the ledger's insert trigger keeps (changeset 0014): one row, whatever the ledger's length.
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

    @Override
    public List<RewardEntry> entriesOf(ReferralId referral) {
        return rows.find("referralId = ?1", Sort.ascending("createdAt", "id"), referral.value()).list().stream()
                .map(ReferralMapper::toDomain).toList();
    }
}
