package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

/** Deny-list entries that live for their ttl on the given clock; remembers each entry's ttl. */
public final class FakeAccessTokenDenyList implements AccessTokenDenyList {

    private final Clock clock;
    private final Map<String, Instant> until = new HashMap<>();
    private final Map<String, Duration> ttls = new HashMap<>();
    private int lookups;

    public FakeAccessTokenDenyList(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deny(String entry, Duration ttl) {
        until.put(entry, clock.instant().plus(ttl));
        ttls.put(entry, ttl);
    }

    @Override
    public boolean isAnyDenied(List<String> entries) {
        lookups++;
        Instant now = clock.instant();
        return entries.stream().anyMatch(entry -> until.containsKey(entry) && until.get(entry).isAfter(now));
    }

    /** The ttl an entry was denied with, if it was. */
    public Optional<Duration> ttlOf(String entry) {
        return Optional.ofNullable(ttls.get(entry));
    }

    /** How many lookups were made (one per validated request). */
    public int lookups() {
        return lookups;
    }
}
