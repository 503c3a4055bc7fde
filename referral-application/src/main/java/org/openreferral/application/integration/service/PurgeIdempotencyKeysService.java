package org.openreferral.application.integration.service;

import java.time.Clock;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase;
import org.openreferral.application.integration.port.out.IdempotencyStore;
import org.openreferral.application.shared.UnitOfWork;

/** Removes expired idempotency keys; a key still claimed by a running request stays until its lock runs out. */
public final class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

    private final IdempotencyStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public PurgeIdempotencyKeysService(IdempotencyStore store, UnitOfWork unitOfWork, Clock clock) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public int purge(PurgeIdempotencyKeysCommand command) {
        return unitOfWork.inTransaction(() -> store.purgeExpired(clock.instant()));
    }
}
