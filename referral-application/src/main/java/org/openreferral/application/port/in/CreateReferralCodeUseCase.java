package org.openreferral.application.port.in;

import java.time.Instant;

/** Use case: give the caller a new active referral code, generated or of their choosing. */
public interface CreateReferralCodeUseCase {

    CodeView create(CreateReferralCodeCommand command);

    /** {@code code} may be null, in which case one is generated. */
    record CreateReferralCodeCommand(Caller caller, Instant expiresAt, String code) {
    }
}
