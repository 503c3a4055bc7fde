package org.openreferral.application.referral.service;

import java.time.Clock;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.in.VoidReferralUseCase;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralEvents.ReferralChange;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.model.client.Scope;

/**
 * Voids a referral, appends the entries that reverse its credits and the {@code referral.voided} event; voiding it
 * again changes nothing.
 */
public final class VoidReferralService implements VoidReferralUseCase {

    private final AdminReferralChange change;
    private final ReferralRepository referrals;
    private final RewardLedger ledger;
    private final ReferralEvents events;

    public VoidReferralService(ReferralRepository referrals, RewardLedger ledger, ReferralEvents events,
                               UnitOfWork unitOfWork, Clock clock) {
        this.change = new AdminReferralChange(referrals, unitOfWork, clock);
        this.referrals = referrals;
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public ReferralView voidReferral(VoidReferralCommand command) {
        return change.apply(command.caller(), Scope.REFERRALS_WRITE, command.id(), (referral, now) ->
                referral.voidFor(command.reason(), ledger.entriesOf(referral.id()), now).ifPresent(reversals -> {
                    referrals.update(referral);
                    ledger.append(reversals);
                    events.referralChanged(referral, ReferralChange.VOIDED, now);
                }));
    }
}
