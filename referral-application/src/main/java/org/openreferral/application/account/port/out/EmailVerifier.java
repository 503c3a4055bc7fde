package org.openreferral.application.account.port.out;

import org.openreferral.domain.model.user.Email;

/** Out-port: an opinion about whether an email address can receive mail (Hunter.io or an offline check). */
public interface EmailVerifier {

    /** Never throws for a remote failure: that is a verdict of its own ({@link EmailVerdict#failed}). */
    EmailVerdict verify(Email email);
}
