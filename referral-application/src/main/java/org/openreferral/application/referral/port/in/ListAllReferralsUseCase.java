package org.openreferral.application.referral.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.ReferralStatus;
import org.openreferral.domain.model.user.UserId;

/** Use case: every referral, newest first, for admins reviewing the program; optionally filtered. */
public interface ListAllReferralsUseCase {

    Page<ReferralView> list(ListAllReferralsQuery query);

    /** Who asks, which referrals (an empty filter matches all), which page. */
    record ListAllReferralsQuery(Caller caller, Optional<ReferralStatus> status, Optional<UserId> referrerId,
                                 Optional<UserId> refereeId, PageRequest page) {

        public ListAllReferralsQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(referrerId, "referrerId");
            Objects.requireNonNull(refereeId, "refereeId");
            Objects.requireNonNull(page, "page");
        }
    }
}
