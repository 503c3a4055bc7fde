package org.openreferral.application.account.service;

import org.openreferral.application.account.port.in.PullRevokedSessionsUseCase;

/**
 * Takes every session revoked within the longest access-token validity from the database into this process's
 * deny-list, each for the rest of that validity. No memory of the previous pull: a revocation is stamped when its
 * transaction runs but seen only once it commits, and asking for the whole window each time misses none (denying a
 * session again is harmless; the revoked-at index keeps the query cheap).
 */
public final class PullRevokedSessionsService implements PullRevokedSessionsUseCase {

    private final SessionTokens sessions;

    public PullRevokedSessionsService(SessionTokens sessions) {
        this.sessions = sessions;
    }

    @Override
    public void pull() {
        sessions.refuseRecentlyRevokedSessions();
    }
}
