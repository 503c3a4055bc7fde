package org.openreferral.application.account.port.out;

import java.time.Duration;
import org.openreferral.domain.model.user.UserId;

/**
 * Out-port: users recently seen to exist, remembered per instance in bounded memory, so that not every
 * authenticated request asks the database. Only existence is remembered, never its absence.
 */
public interface SubjectExistenceCache {

    /** Whether the user was remembered as existing less than the ttl it was remembered for ago. */
    boolean isKnownToExist(UserId user);

    /** Remembers that the user exists, for {@code ttl}; a zero ttl remembers nothing. */
    void rememberExists(UserId user, Duration ttl);
}
