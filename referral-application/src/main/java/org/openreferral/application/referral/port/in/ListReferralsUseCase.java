package org.openreferral.application.referral.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.UserId;

/** Use case: the people a referrer brought in, newest first, either all of them or those of one code. */
public interface ListReferralsUseCase {

    Page<ReferralView> list(ListReferralsQuery query);

    /** Whose referrals, asked by whom, which page. */
    record ListReferralsQuery(Caller caller, Scope scope, PageRequest page) {
    }

    /** Which referrals: all of one referrer's, or those made with one code. */
    sealed interface Scope permits ByReferrer, ByCode {
    }

    /** All referrals of one referrer. */
    record ByReferrer(UserId referrerId) implements Scope {

        public ByReferrer {
            Objects.requireNonNull(referrerId, "referrerId");
        }
    }

    /** The referrals made with one code of the caller's. */
    record ByCode(CodeValue code) implements Scope {

        public ByCode {
            Objects.requireNonNull(code, "code");
        }
    }
}
