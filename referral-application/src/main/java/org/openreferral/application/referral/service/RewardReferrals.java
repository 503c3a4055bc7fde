package org.openreferral.application.referral.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.referral.port.out.ReferralEvents;
import org.openreferral.application.referral.port.out.ReferralEvents.ReferralChange;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.RewardCaps;
import org.openreferral.domain.model.referral.RewardEntry;
import org.openreferral.domain.model.referral.RewardPolicy;
import org.openreferral.domain.model.user.UserId;

/**
 * The one way a referral whose qualifying condition holds moves on: QUALIFIED, then REWARDED at once when there is
 * no hold, or later by the release of held rewards; the reward respects the referrer's caps, counted under a lock
 * that serialises the referrer's reward decisions. Each step appends its event ({@code referral.qualified},
 * {@code referral.rewarded}). Runs inside the caller's transaction, on a locked referral.
 */
public final class RewardReferrals {

    private final ReferralRepository referrals;
    private final RewardLedger ledger;
    private final ReferralEvents events;
    private final RewardPolicy policy;
    private final RewardCaps caps;
    private final Duration hold;

    public RewardReferrals(ReferralRepository referrals, RewardLedger ledger, ReferralEvents events,
                           RewardPolicy policy, RewardCaps caps, Duration hold) {
        this.referrals = referrals;
        this.ledger = ledger;
        this.events = events;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.caps = Objects.requireNonNull(caps, "caps");
        this.hold = Objects.requireNonNull(hold, "hold");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("the reward hold must not be negative");
        }
    }

    /**
     * The condition holds: the referral becomes QUALIFIED, and REWARDED in the same transaction when there is no
     * hold. Returns false, changing nothing, when it was already QUALIFIED or REWARDED.
     */
    public boolean qualify(Referral referral, String externalId, Instant now) {
        if (!referral.qualify(externalId, now)) {
            return false;
        }
        events.referralChanged(referral, ReferralChange.QUALIFIED, now);
        if (hold.isZero()) {
            reward(referral, now);
        } else {
            referrals.update(referral);
        }
        return true;
    }

    /** Writes the reward of a QUALIFIED referral, with no referrer credit past a cap. */
    public void reward(Referral referral, Instant now) {
        boolean capReached = false;
        if (caps.any()) {
            UserId referrer = referral.referrer();
            referrals.lockRewardsOf(referrer);
            long inPeriod = caps.perPeriod().isPresent()
                    ? referrals.countCredited(referrer, Optional.of(caps.periodStart(now))) : 0;
            long ever = caps.lifetime().isPresent() ? referrals.countCredited(referrer, Optional.empty()) : 0;
            capReached = caps.reached(inPeriod, ever);
        }
        List<RewardEntry> credits = referral.reward(policy, capReached, now);
        referrals.update(referral);
        ledger.append(credits);
        events.referralChanged(referral, ReferralChange.REWARDED, now);
    }

    /** The latest qualification whose held reward is due at {@code now}. */
    public Instant dueIfQualifiedBy(Instant now) {
        return now.minus(hold);
    }
}
