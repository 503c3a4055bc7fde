package org.openreferral.application.referral.port.out;

import java.util.List;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.user.UserId;

/** Out-port: the append-only reward ledger; one entry per user and referral at most. */
public interface RewardLedger {

    void append(List<RewardEntry> entries);

    /** The sum of the user's points. */
    long balance(UserId user);

    /** The user's entries, newest first. */
    Page<RewardEntry> entries(UserId user, PageRequest page);
}
