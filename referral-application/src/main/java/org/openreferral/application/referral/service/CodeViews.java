package org.openreferral.application.referral.service;

import java.time.Instant;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.domain.model.referral.ReferralCode;

/** Turns referral codes into the view their owner sees. */
final class CodeViews {

    private CodeViews() {
    }

    static CodeView of(ReferralCode code, long referrals, Instant now) {
        return new CodeView(code.id().value(), code.value().value(), code.statusAt(now).name(), code.createdAt(),
                code.expiresAt(), code.revokedAt().orElse(null), referrals);
    }
}
