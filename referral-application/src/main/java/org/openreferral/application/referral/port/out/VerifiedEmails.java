package org.openreferral.application.referral.port.out;

import org.openreferral.domain.model.user.UserId;

/** Out-port: whether a user has confirmed their email address (the qualifying condition {@code email-verified}). */
public interface VerifiedEmails {

    boolean isVerified(UserId user);
}
