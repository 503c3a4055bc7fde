package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openreferral.application.account.port.out.AccessTokenDenyList;

/**
 * Deny-list entries that live for their ttl on the given clock; remembers each entry's ttl. It can be made
 * unreachable (every check {@code UNKNOWN}, every denial lost) and, once reachable again, answers {@code UNKNOWN}
 * until it was refilled, as the Redis deny-list does.
 */
public final class FakeAccessTokenDenyList implements AccessTokenDenyList {

    private final Clock clock;
    private final Map<String, Instant> until = new HashMap<>();
    private final Map<String, Duration> ttls = new HashMap<>();
    private int lookups;
    private int refills;
    private boolean unreachable;
    private boolean incomplete;

    public FakeAccessTokenDenyList(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void deny(String entry, Duration ttl) {
        if (unreachable) {
            incomplete = true;
            return;
        }
        until.put(entry, clock.instant().plus(ttl));
        ttls.put(entry, ttl);
    }

    @Override
    public Verdict check(List<String> entries) {
        lookups++;
        if (unreachable || incomplete) {
            incomplete = true;
            return Verdict.UNKNOWN;
        }
        return isAnyDenied(entries) ? Verdict.DENIED : Verdict.NOT_DENIED;
    }

    @Override
    public void refillIfDue(Supplier<Map<String, Duration>> unexpired) {
        if (unreachable || !incomplete) {
            return;
        }
        refills++;
        unexpired.get().forEach(this::deny);
        incomplete = false;
    }

    /** Test inspection: whether an entry is denied now, as this list holds it. */
    public boolean isAnyDenied(List<String> entries) {
        Instant now = clock.instant();
        return entries.stream().anyMatch(entry -> until.containsKey(entry) && until.get(entry).isAfter(now));
    }

    /** Makes the list unreachable (or reachable again, with the denials it held before). */
    public void unreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** The ttl an entry was denied with, if it was. */
    public Optional<Duration> ttlOf(String entry) {
        return Optional.ofNullable(ttls.get(entry));
    }

    /** How many lookups were made (one per validated request). */
    public int lookups() {
        return lookups;
    }

    /** How many times the list was filled again from the database. */
    public int refills() {
        return refills;
    }
}
