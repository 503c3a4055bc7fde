package org.openreferral.application.referral.port.out;

import java.util.List;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.application.shared.Position;
import org.openreferral.application.shared.Slice;
import org.openreferral.domain.model.referral.ReferralId;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.user.UserId;

/**
 * Out-port: the append-only reward ledger; per referral and user at most one credit and one reversal
 * (a negative {@code REFERRAL_VOIDED} entry).
 */
public interface RewardLedger {

    void append(List<RewardEntry> entries);

    /** The sum of the user's points. */
    long balance(UserId user);

    /** The user's entries, newest first. */
    Page<RewardEntry> entries(UserId user, PageRequest page);

    /** The user's entries after a position, newest first, read as a range of an index (keyset paging). */
    Slice<RewardEntry> entries(UserId user, CursorRequest cursor);

    /** Where a newest-first list of entries continues after {@code entry}. */
    static Position positionOf(RewardEntry entry) {
        return new Position(entry.createdAt(), entry.id());
    }

    /** Every entry of one referral, oldest first. */
    List<RewardEntry> entriesOf(ReferralId referral);
}
