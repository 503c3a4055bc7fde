package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ScrollRewardsUseCase;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.user.UserId;

/** Reads the caller's reward balance and one run of their ledger by keyset. */
public final class ScrollRewardsService implements ScrollRewardsUseCase {

    private final RewardLedger ledger;
    private final UnitOfWork unitOfWork;

    public ScrollRewardsService(RewardLedger ledger, UnitOfWork unitOfWork) {
        this.ledger = ledger;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public RewardsRunView scroll(ScrollRewardsQuery query) {
        UserId user = query.caller().id();
        return unitOfWork.reading(() -> new RewardsRunView(ledger.balance(user),
                ledger.entries(user, query.cursor()).map(RewardEntryViews::of)));
    }
}
