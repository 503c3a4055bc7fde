package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.CodeValue;

/** Use case: give the caller a new active referral code, generated or of their choosing. */
public interface CreateReferralCodeUseCase {

    CodeView create(CreateReferralCodeCommand command);

    /**
     * {@code code} may be null, in which case one is generated. Whether {@code expiresAt} is acceptable depends on the
     * moment of creation: a refused one is an {@code InvalidValueException} about {@code ReferralCode.EXPIRY}.
     */
    record CreateReferralCodeCommand(Caller caller, Instant expiresAt, CodeValue code) {

        public CreateReferralCodeCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
}
