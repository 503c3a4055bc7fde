package org.openreferral.application.account.port.out;

import java.time.Duration;
import java.util.Optional;
import org.openreferral.domain.model.user.Email;

/** Out-port: remembered email verdicts, so that a remote verifier is asked once per address and period. */
public interface EmailVerdictCache {

    /** Empty on a miss or on any cache failure. */
    Optional<EmailVerdict> get(Email email);

    /** Best effort: a failing cache ignores the write. */
    void put(Email email, EmailVerdict verdict, Duration ttl);
}
