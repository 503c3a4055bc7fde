package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.openreferral.application.account.port.out.SubjectExistenceCache;
import org.openreferral.domain.model.user.UserId;

/** Users remembered as existing for their ttl on the given clock. */
public final class FakeSubjectExistenceCache implements SubjectExistenceCache {

    private final Clock clock;
    private final Map<UserId, Instant> until = new HashMap<>();

    public FakeSubjectExistenceCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isKnownToExist(UserId user) {
        Instant known = until.get(user);
        return known != null && known.isAfter(clock.instant());
    }

    @Override
    public void rememberExists(UserId user, Duration ttl) {
        until.put(user, clock.instant().plus(ttl));
    }
}
