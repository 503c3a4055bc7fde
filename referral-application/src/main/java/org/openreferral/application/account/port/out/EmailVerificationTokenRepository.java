package org.openreferral.application.account.port.out;

import java.time.Instant;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where email verification tokens are kept, by the digest of their secret only, with why each was issued. */
public interface EmailVerificationTokenRepository extends SingleUseTokenStore {

    /** Why a verification token was issued: at registration, or on the user's request for a new link. */
    enum Issue {
        REGISTRATION,
        RESEND
    }

    void add(SingleUseToken token, Issue issue);

    /** How many tokens of the user were issued for {@code issue} strictly after {@code since}. */
    int countIssuedAfter(UserId user, Issue issue, Instant since);
}
