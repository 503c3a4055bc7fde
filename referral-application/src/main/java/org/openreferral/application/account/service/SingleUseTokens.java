package org.openreferral.application.account.service;

import java.time.Instant;
import java.util.function.Supplier;
import org.openreferral.application.account.port.out.SingleUseTokenStore;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.session.SingleUseToken;

/** Spending a single-use token, the same for every kind: under a row lock, once, and the user's others die with it. */
final class SingleUseTokens {

    private SingleUseTokens() {
    }

    /**
     * Inside a transaction: locks the token with this digest, spends it and every other unused token of its user, and
     * returns it; an unknown, used or expired token is {@code invalid}.
     */
    static SingleUseToken spend(SingleUseTokenStore store, String digest, Instant now,
                                Supplier<InvalidTokenException> invalid) {
        SingleUseToken token = store.findByDigest(digest, true)
                .filter(found -> found.isUsableAt(now))
                .orElseThrow(invalid);
        token.use(now);
        store.update(token);
        store.useAllOf(token.user(), now);
        return token;
    }
}
