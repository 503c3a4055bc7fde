package org.openreferral.application.referral.port.in;

import java.util.Objects;
import org.openreferral.application.referral.port.in.ListReferralsUseCase.Scope;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Slice;

/**
 * Use case: the same lists as {@link ListReferralsUseCase}, read by keyset (a run after a position) rather than by
 * page number, so that a deep run costs what the first one does.
 */
public interface ScrollReferralsUseCase {

    Slice<ReferralView> scroll(ScrollReferralsQuery query);

    /** Whose referrals, asked by whom, from where. */
    record ScrollReferralsQuery(Caller caller, Scope scope, CursorRequest cursor) {

        public ScrollReferralsQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(cursor, "cursor");
        }
    }
}
