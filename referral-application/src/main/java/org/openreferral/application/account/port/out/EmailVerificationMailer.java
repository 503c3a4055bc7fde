package org.openreferral.application.account.port.out;

import java.time.Duration;
import org.openreferral.domain.model.user.Email;

/**
 * Out-port: delivers an email verification link. Returns at once and never throws: delivery happens in the
 * background, and a failure is logged without the address or the token.
 */
public interface EmailVerificationMailer {

    void sendVerificationLink(Email recipient, String token, Duration validFor);
}
