package org.openreferral.application.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerdictCache;
import org.openreferral.domain.model.user.Email;

/** In-memory verdict cache whose entries live for their TTL on the given clock; remembers every write. */
public final class FakeEmailVerdictCache implements EmailVerdictCache {

    /** One call of {@link #put}. */
    public record Put(Email email, EmailVerdict verdict, Duration ttl) {
    }

    private record Entry(EmailVerdict verdict, Instant until) {
    }

    private final Clock clock;
    private final Map<Email, Entry> entries = new HashMap<>();
    private final List<Put> puts = new ArrayList<>();

    public FakeEmailVerdictCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<EmailVerdict> get(Email email) {
        return Optional.ofNullable(entries.get(email))
                .filter(entry -> entry.until().isAfter(clock.instant()))
                .map(Entry::verdict);
    }

    @Override
    public void put(Email email, EmailVerdict verdict, Duration ttl) {
        puts.add(new Put(email, verdict, ttl));
        entries.put(email, new Entry(verdict, clock.instant().plus(ttl)));
    }

    public List<Put> puts() {
        return List.copyOf(puts);
    }
}
