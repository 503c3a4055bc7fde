package org.openreferral.application.referral.port.in;

import java.util.Objects;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.CursorRequest;
import org.openreferral.application.shared.Slice;

/** Use case: the caller's reward balance and a run of their ledger after a position (keyset paging). */
public interface ScrollRewardsUseCase {

    RewardsRunView scroll(ScrollRewardsQuery query);

    /** Whose ledger, from where. */
    record ScrollRewardsQuery(Caller caller, CursorRequest cursor) {

        public ScrollRewardsQuery {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** The balance and one run of the ledger. */
    record RewardsRunView(long balance, Slice<RewardEntryView> entries) {
    }
}
