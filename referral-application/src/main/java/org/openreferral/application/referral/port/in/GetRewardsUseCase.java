package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.UUID;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: the caller's reward balance and ledger, newest entries first. */
public interface GetRewardsUseCase {

    RewardsView get(GetRewardsQuery query);

    /** Whose ledger, which page. */
    record GetRewardsQuery(Caller caller, PageRequest page) {
    }

    /** The balance and one page of the ledger. */
    record RewardsView(long balance, Page<RewardEntryView> entries) {
    }

    /** One ledger line. */
    record RewardEntryView(UUID id, int points, String reason, UUID referralId, Instant createdAt) {
    }
}
