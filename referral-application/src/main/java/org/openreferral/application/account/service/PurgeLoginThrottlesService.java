package org.openreferral.application.account.service;

import java.time.Clock;
import java.time.Instant;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase.PurgeLoginThrottlesCommand;
import org.openreferral.application.account.port.out.LoginThrottleStore;
import org.openreferral.application.shared.UnitOfWork;

/**
 * Deletes expired lockout buckets in batches, one short transaction per batch, until a batch comes back short. An
 * expired bucket already counts as empty when read, so the purge only reclaims space; it never ends a lockout.
 */
public final class PurgeLoginThrottlesService implements PurgeLoginThrottlesUseCase {

    /** Buckets deleted per transaction unless the constructor says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;

    private final LoginThrottleStore store;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final int batchSize;

    public PurgeLoginThrottlesService(LoginThrottleStore store, UnitOfWork unitOfWork, Clock clock) {
        this(store, unitOfWork, clock, DEFAULT_BATCH_SIZE);
    }

    /** With {@code batchSize} buckets deleted per transaction. */
    public PurgeLoginThrottlesService(LoginThrottleStore store, UnitOfWork unitOfWork, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the purge batch size must be positive");
        }
        this.store = store;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int purge(PurgeLoginThrottlesCommand command) {
        Instant now = clock.instant();
        int total = 0;
        int deleted;
        do {
            deleted = unitOfWork.inTransaction(() -> store.purgeExpired(now, batchSize));
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }
}
