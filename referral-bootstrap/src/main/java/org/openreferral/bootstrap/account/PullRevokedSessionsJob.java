package org.openreferral.bootstrap.account;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openreferral.adapter.cache.shared.CacheWiring;
import org.openreferral.application.account.port.in.PullRevokedSessionsUseCase;
import org.openreferral.application.shared.error.ServiceUnavailableException;

/**
 * Without Redis, every {@code referral.auth.revocation-pull-interval}: takes the sessions other instances revoked into
 * this instance's deny-list (ADR 0004, "Revocation fails open"). With Redis it does nothing: the deny-list is shared.
 */
@ApplicationScoped
public class PullRevokedSessionsJob {

    private static final Logger LOG = Logger.getLogger(PullRevokedSessionsJob.class);

    private final PullRevokedSessionsUseCase pull;
    private final CacheWiring cache;

    PullRevokedSessionsJob(PullRevokedSessionsUseCase pull, CacheWiring cache) {
        this.pull = pull;
        this.cache = cache;
    }

    @Scheduled(identity = "pull-revoked-sessions", every = "${referral.auth.revocation-pull-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        if (cache.usesRedis()) {
            return;
        }
        try {
            pull.pull();
        } catch (ServiceUnavailableException e) {
            // The database being away is reported by readiness and by every request; the next pull covers the gap.
            LOG.debug("Pulling the revoked sessions failed: the database is unavailable");
        }
    }
}
