package org.openreferral.application.integration.service;

import java.time.Clock;
import java.time.Duration;
import org.openreferral.application.integration.port.in.FinishIdempotentRequestUseCase;
import org.openreferral.application.integration.port.in.IdempotencyClaim;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.shared.UnitOfWork;

/** Keeps a claimed request's answer for {@code ttl} from now, or releases its key when the answer is not kept. */
public final class FinishIdempotentRequestService implements FinishIdempotentRequestUseCase {

    private final IdempotencyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Duration ttl;

    public FinishIdempotentRequestService(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock, Duration ttl) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public void finish(FinishIdempotentRequestCommand command) {
        IdempotencyClaim claim = command.claim();
        unitOfWork.inTransaction(() -> command.answer().kept()
                ? store.complete(claim.scopeDigest(), claim.claimId(), command.answer(), clock.instant().plus(ttl))
                : store.release(claim.scopeDigest(), claim.claimId()));
    }
}
