package org.openreferral.application.referral.port.in;

import java.util.Objects;
import org.openreferral.domain.model.referral.CodeValue;

/** Use case: whether the code of a share link still opens a registration, for the page behind the link. */
public interface CheckShareLinkUseCase {

    ShareLinkState check(CheckShareLinkQuery query);

    /** The code taken from the share link. */
    record CheckShareLinkQuery(CodeValue code) {

        public CheckShareLinkQuery {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * All that the page behind a share link may learn: the code works, or it does not. Unknown, expired and revoked
     * codes are one state, so that the page is no oracle for which codes exist; nothing names the referrer.
     */
    enum ShareLinkState {
        /** A new user may register with the code now. */
        OPEN,
        /** The code is unknown, expired or revoked. */
        CLOSED
    }
}
