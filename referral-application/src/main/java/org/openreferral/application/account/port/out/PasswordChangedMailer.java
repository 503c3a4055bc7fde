package org.openreferral.application.account.port.out;

import java.time.Instant;
import org.openreferral.domain.model.user.Email;

/**
 * Out-port: tells the owner of an account that its password was changed, so that a change they did not make does not
 * go unnoticed. Returns at once and never throws: delivery happens in the background, through the same channel as
 * the link mails, and a failure is logged without the address.
 */
public interface PasswordChangedMailer {

    void sendPasswordChangedNotice(Email recipient, Instant changedAt);
}
