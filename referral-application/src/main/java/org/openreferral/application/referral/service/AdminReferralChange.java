package org.openreferral.application.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.referral.port.out.ReferralRepository;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.application.shared.error.PermissionDeniedException;
import org.openreferral.domain.error.NotFoundException;
import org.openreferral.domain.model.client.Scope;
import org.openreferral.domain.model.referral.Referral;
import org.openreferral.domain.model.referral.ReferralId;

/**
 * How an admin changes one referral: admins only, the referral locked for the whole transaction, the change and
 * its ledger entries committed together, and the referral as it then stands returned.
 */
final class AdminReferralChange {

    private final ReferralRepository referrals;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    AdminReferralChange(ReferralRepository referrals, UnitOfWork unitOfWork, Clock clock) {
        this.referrals = referrals;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** A change that admins and clients holding {@code scope} may make. */
    ReferralView apply(Caller caller, Scope scope, ReferralId id, BiConsumer<Referral, Instant> change) {
        caller.requireAdminOr(scope);
        return change(id, change);
    }

    /** A change for admins only. */
    ReferralView apply(Caller caller, ReferralId id, BiConsumer<Referral, Instant> change) {
        if (!caller.admin()) {
            throw new PermissionDeniedException();
        }
        return change(id, change);
    }

    private ReferralView change(ReferralId id, BiConsumer<Referral, Instant> change) {
        return unitOfWork.inTransaction(() -> {
            Referral referral = referrals.lockById(id).orElseThrow(NotFoundException::referral);
            change.accept(referral, clock.instant());
            return ReferralViews.of(referrals.record(id).orElseThrow(), true);
        });
    }
}
