package org.openreferral.application.port.in;

/** Use case: the caller's one active code, if they have one. */
public interface GetActiveReferralCodeUseCase {

    CodeView get(GetActiveReferralCodeQuery query);

    /** Whose active code. */
    record GetActiveReferralCodeQuery(Caller caller) {
    }
}
