package org.openreferral.application.integration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openreferral.application.integration.port.in.BeginIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.IdempotencyClaim;
import org.openreferral.application.integration.port.out.IdempotencyEntry;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.shared.UnitOfWork;
import org.openreferral.domain.error.ConflictException;
import org.openreferral.domain.error.RuleViolationException;

/**
 * Claims an idempotency key in a transaction of its own, committed before the request runs, so that of concurrent
 * requests with one key exactly one runs. A claim whose request died (a crash) holds the key only for
 * {@code lockTimeout}; after that a retry takes the key over and runs (docs/adr/0013-idempotency.md).
 */
public final class BeginIdempotentRequestService implements BeginIdempotentRequestUseCase {

    // A claim lost between the failed insert and the read (its request released the key) is tried again, twice.
    private static final int ATTEMPTS = 3;

    private final IdempotencyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration ttl;
    private final Duration lockTimeout;

    public BeginIdempotentRequestService(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock, Duration ttl,
                                         Duration lockTimeout) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ttl = ttl;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Start begin(BeginIdempotentRequestCommand command) {
        String scope = IdempotencyDigests.of(command.scope());
        String request = IdempotencyDigests.of(command.body());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            IdempotencyEntry claim = IdempotencyEntry.claim(scope, request, UUID.randomUUID(), now,
                    now.plus(lockTimeout), now.plus(ttl));
            if (unitOfWork.inTransaction(() -> store.claim(claim) || store.takeOver(claim, now))) {
                return new Proceed(new IdempotencyClaim(scope, claim.claimId()));
            }
            Optional<IdempotencyEntry> found = unitOfWork.reading(() -> store.find(scope));
            if (found.isEmpty()) {
                continue;
            }
            IdempotencyEntry entry = found.get();
            if (!entry.requestDigest().equals(request)) {
                throw new RuleViolationException("idempotency-key-reused",
                        "This Idempotency-Key was used with another request body.");
            }
            if (entry.state() == IdempotencyEntry.State.COMPLETE) {
                return new Replay(entry.answer().orElseThrow());
            }
            break;
        }
        throw inProgress();
    }

    private static ConflictException inProgress() {
        return new ConflictException("idempotency-request-in-progress",
                "A request with this Idempotency-Key is still running; retry shortly.");
    }
}
