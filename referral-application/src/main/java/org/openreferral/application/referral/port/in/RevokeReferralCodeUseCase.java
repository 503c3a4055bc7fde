package org.openreferral.application.referral.port.in;

import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.referral.CodeValue;

/** Use case: revoke one of the caller's referral codes so that it stops working at once. */
public interface RevokeReferralCodeUseCase {

    CodeView revoke(RevokeReferralCodeCommand command);

    /** Which code, revoked by whom. */
    record RevokeReferralCodeCommand(Caller caller, CodeValue code) {

        public RevokeReferralCodeCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(code, "code");
        }
    }
}
