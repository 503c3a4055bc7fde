package org.openreferral.application.account.port.out;

import java.time.Instant;
import java.util.Optional;
import org.openreferral.domain.model.session.SingleUseToken;
import org.openreferral.domain.model.user.UserId;

/** Out-port part: what every store of single-use tokens (reset, verification) does, by the digest of the secret. */
public interface SingleUseTokenStore {

    /** Stores a changed token (used). */
    void update(SingleUseToken token);

    /** The token with this digest; with {@code forUpdate} locked until the transaction ends. */
    Optional<SingleUseToken> findByDigest(String digest, boolean forUpdate);

    /** Marks every unused token of the user as used; returns how many. */
    int useAllOf(UserId user, Instant now);
}
