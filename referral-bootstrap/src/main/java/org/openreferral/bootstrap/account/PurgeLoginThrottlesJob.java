package org.openreferral.bootstrap.account;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase;
import org.openreferral.application.account.port.in.PurgeLoginThrottlesUseCase.PurgeLoginThrottlesCommand;

/**
 * Deletes expired lockout state of the password grant every {@code referral.login.purge-interval}. Every instance
 * may run it; two purges at once skip each other's rows, which is harmless.
 */
@ApplicationScoped
public class PurgeLoginThrottlesJob {

    private final PurgeLoginThrottlesUseCase purge;

    PurgeLoginThrottlesJob(PurgeLoginThrottlesUseCase purge) {
        this.purge = purge;
    }

    @Scheduled(identity = "purge-login-throttles", every = "${referral.login.purge-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        purge.purge(new PurgeLoginThrottlesCommand());
    }
}
