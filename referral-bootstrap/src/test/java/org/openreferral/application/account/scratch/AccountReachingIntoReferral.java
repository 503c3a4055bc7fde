package org.openreferral.application.account.scratch;

import org.openreferral.application.referral.port.out.ReferralRepository;

/** A deliberate slice violation (account using a referral port) that ArchitectureTest must catch. */
public class AccountReachingIntoReferral {

    ReferralRepository referrals;
}
