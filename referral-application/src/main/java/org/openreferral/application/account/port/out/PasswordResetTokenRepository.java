package org.openreferral.application.account.port.out;

import java.time.Instant;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where password reset tokens are kept, by the digest of their secret only. */
public interface PasswordResetTokenRepository extends SingleUseTokenStore {

    void add(SingleUseToken token);

    /** How many tokens of the user were issued strictly after {@code since}, used or not. */
    int countIssuedAfter(UserId user, Instant since);
}
