package org.openreferral.application.account.port.out;

import org.openreferral.domain.model.session.SingleUseToken;

/** Out-port: where password reset tokens are kept, by the digest of their secret only. */
public interface PasswordResetTokenRepository extends SingleUseTokenStore {

    void add(SingleUseToken token);
}
