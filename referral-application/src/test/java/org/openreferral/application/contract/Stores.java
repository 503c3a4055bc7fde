package org.openreferral.application.contract;

import org.openreferral.application.account.port.out.EmailVerificationTokenRepository;
import org.openreferral.application.account.port.out.PasswordResetTokenRepository;
import org.openreferral.application.account.port.out.RefreshTokenRepository;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.application.integration.port.out.ClientRepository;
import org.openreferral.application.referral.port.out.ReferralCodeRepository;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.referral.port.out.RewardLedger;
import org.openreferral.application.shared.UnitOfWork;

/** The repository ports of one implementation (in-memory or PostgreSQL), empty, with their unit of work. */
public record Stores(UnitOfWork unitOfWork, UserRepository users, ReferralCodeRepository codes,
                     ReferralRepository referrals, RewardLedger ledger, RefreshTokenRepository refreshTokens,
                     PasswordResetTokenRepository resetTokens,
                     EmailVerificationTokenRepository verificationTokens, ClientRepository clients) {
}
