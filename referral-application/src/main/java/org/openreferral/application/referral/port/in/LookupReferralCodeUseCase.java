package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.Objects;
import org.openreferral.domain.model.user.Email;

/** Use case: the public lookup of a referrer's active code by their email address. */
public interface LookupReferralCodeUseCase {

    PublicCode lookup(LookupReferralCodeQuery query);

    /** The referrer's email address. */
    record LookupReferralCodeQuery(Email email) {

        public LookupReferralCodeQuery {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public String toString() {
            return "LookupReferralCodeQuery[email=redacted]";
        }
    }

    /** All that the public may learn: the code and when it expires. */
    record PublicCode(String code, Instant expiresAt) {
    }
}
