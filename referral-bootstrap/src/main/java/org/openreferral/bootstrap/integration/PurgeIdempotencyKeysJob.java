package org.openreferral.bootstrap.integration;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase;
import org.openreferral.application.integration.port.in.PurgeIdempotencyKeysUseCase.PurgeIdempotencyKeysCommand;

/**
 * Removes expired idempotency keys every {@code referral.idempotency.purge-interval}. Every instance runs it; two
 * purges at once delete the same rows, which is harmless.
 */
@ApplicationScoped
public class PurgeIdempotencyKeysJob {

    private final PurgeIdempotencyKeysUseCase purge;

    PurgeIdempotencyKeysJob(PurgeIdempotencyKeysUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "purge-idempotency-keys", every = "${referral.idempotency.purge-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        purge.purge(new PurgeIdempotencyKeysCommand());
    }
}
