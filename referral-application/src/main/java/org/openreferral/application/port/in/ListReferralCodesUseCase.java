package org.openreferral.application.port.in;

/** Use case: the caller's codes of every status, newest first. */
public interface ListReferralCodesUseCase {

    Page<CodeView> list(ListReferralCodesQuery query);

    /** Whose codes, which page. */
    record ListReferralCodesQuery(Caller caller, PageRequest page) {
    }
}
