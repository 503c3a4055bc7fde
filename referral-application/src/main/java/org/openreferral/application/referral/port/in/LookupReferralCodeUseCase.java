package org.openreferral.application.referral.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.openreferral.domain.model.user.Email;

/**
 * Use case: the public lookup of a referrer's active code by their email address, counted against the
 * client's lookup budget. Asynchronous, so that a cached answer needs no waiting thread; the stage fails with
 * the same exceptions a synchronous call would throw (not found, too many requests).
 */
public interface LookupReferralCodeUseCase {

    CompletionStage<PublicCode> lookup(LookupReferralCodeQuery query);

    /** The referrer's email address, and the client's address, whose lookup budget the request counts on. */
    record LookupReferralCodeQuery(Email email, String client) {

        public LookupReferralCodeQuery {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public String toString() {
            return "LookupReferralCodeQuery[email=redacted, client=" + client + "]";
        }
    }

    /** All that the public may learn: the code and when it expires. */
    record PublicCode(String code, Instant expiresAt) {
    }
}
