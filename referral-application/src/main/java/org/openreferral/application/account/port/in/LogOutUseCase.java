package org.openreferral.application.account.port.in;

import java.time.Instant;
import java.util.Objects;
import org.openreferral.application.shared.Caller;
import org.openreferral.domain.model.session.SessionId;

/** Use case: end the caller's login session and revoke the access token they presented. */
public interface LogOutUseCase {

    void logOut(LogOutCommand command);

    /**
     * Who logs out, with what the presented access token says: its session ({@code null} for a token
     * without one), its id and its expiry.
     */
    record LogOutCommand(Caller caller, SessionId sessionId, String tokenId, Instant tokenExpiresAt) {

        public LogOutCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
}
