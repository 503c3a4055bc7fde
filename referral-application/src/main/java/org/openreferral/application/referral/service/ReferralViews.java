package org.openreferral.application.referral.service;

import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository.ReferralRecord;
import org.openreferral.domain.model.referral.Referral;

/** Builds the view of a referral; the referee's email is shown in full only to admins. */
final class ReferralViews {

    private ReferralViews() {
    }

    static ReferralView of(ReferralRecord record, boolean admin) {
        Referral referral = record.referral();
        String email = admin ? record.refereeEmail().value() : record.refereeEmail().masked();
        return new ReferralView(referral.id().value(),
                new ReferralView.Referee(referral.referee().value(), record.refereeUsername(), email),
                record.code(), referral.createdAt(), referral.status().name(), referral.statusReason().orElse(null),
                referral.points(), referral.qualifiedAt().orElse(null), referral.rewardedAt().orElse(null),
                referral.voidedAt().orElse(null));
    }
}
