package org.openreferral.application.referral.port.in;

import java.util.Optional;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.error.InvalidValueException;
import org.openreferral.domain.model.referral.ReferralId;

/** Use case: an admin reports that a pending referral's qualifying event happened (e.g. the referee's first order). */
public interface QualifyReferralUseCase {

    ReferralView qualify(QualifyReferralCommand command);

    /** Which referral, by whom, with the host's reference for the event (at most {@value #MAX_EXTERNAL_ID} chars). */
    record QualifyReferralCommand(Caller caller, ReferralId id, Optional<String> externalId) {

        public static final int MAX_EXTERNAL_ID = 200;

        public QualifyReferralCommand {
            if (externalId.filter(text -> text.length() > MAX_EXTERNAL_ID).isPresent()) {
                throw new InvalidValueException("external reference", "must be at most " + MAX_EXTERNAL_ID + " characters");
            }
        }
    }
}
