package org.openreferral.application.referral.port.in;

import org.openreferral.application.shared.Caller;
import org.openreferral.application.shared.Page;
import org.openreferral.application.shared.PageRequest;

/** Use case: the caller's codes of every status, newest first. */
public interface ListReferralCodesUseCase {

    Page<CodeView> list(ListReferralCodesQuery query);

    /** Whose codes, which page. */
    record ListReferralCodesQuery(Caller caller, PageRequest page) {
    }
}
