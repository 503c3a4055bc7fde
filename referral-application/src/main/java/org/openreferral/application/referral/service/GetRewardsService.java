package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.GetRewardsUseCase;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.user.UserId;

/** Reads the caller's reward balance and one page of their ledger. */
public final class GetRewardsService implements GetRewardsUseCase {

    private final RewardLedger ledger;
    private final UnitOfWork unitOfWork;

    public GetRewardsService(RewardLedger ledger, UnitOfWork unitOfWork) {
        this.ledger = ledger;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RewardsView get(GetRewardsQuery query) {
        UserId user = query.caller().id();
        return unitOfWork.reading(() -> new RewardsView(ledger.balance(user),
                ledger.entries(user, query.page()).map(RewardEntryViews::of)));
    }
}
