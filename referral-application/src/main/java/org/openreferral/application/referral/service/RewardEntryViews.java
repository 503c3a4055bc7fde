package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.domain.model.referral.RewardEntry;

/** One ledger entry as its owner sees it. */
final class RewardEntryViews {

    private RewardEntryViews() {
    }

    static RewardEntryView of(RewardEntry entry) {
        return new RewardEntryView(entry.id(), entry.points(), entry.reason().name(), entry.referral().value(),
                entry.createdAt());
    }
}
