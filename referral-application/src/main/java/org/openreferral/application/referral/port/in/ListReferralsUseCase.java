package org.openreferral.application.referral.port.in;

import java.util.UUID;
import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

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
    record ByReferrer(UUID referrerId) implements Scope {
    }

    /** The referrals made with one code of the caller's. */
    record ByCode(String code) implements Scope {
    }
}
