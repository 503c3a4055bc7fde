package org.openreferral.application.referral.port.in;

import java.time.Instant;
import org.openreferral.application.shared.Caller;

/** Use case: give the caller a new active referral code, generated or of their choosing. */
public interface CreateReferralCodeUseCase {

    CodeView create(CreateReferralCodeCommand command);

    /** {@code code} may be null, in which case one is generated. */
    record CreateReferralCodeCommand(Caller caller, Instant expiresAt, String code) {
    }
}
