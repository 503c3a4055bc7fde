package org.openreferral.application.account.port.out;

import java.time.Instant;
import java.util.Optional;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Out-port: where password reset tokens are kept, by the digest of their secret only. */
public interface PasswordResetTokenRepository {

    void add(SingleUseToken token);

    /** Stores a changed token (used). */
    void update(SingleUseToken token);

    /** The token with this digest; with {@code forUpdate} locked until the transaction ends. */
    Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate);

    /** Marks every unused token of the user as used; returns how many. */
    int useAllOf(UserId user, Instant now);
}
