package org.openreferral.bootstrap.referral;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase;
import org.openreferral.application.referral.port.in.ReleaseHeldRewardsUseCase.ReleaseHeldRewardsCommand;

/**
 * Releases held rewards from within the service, every {@code referral.reward.release-interval}. Every instance
 * runs it; the use case's row claims ({@code FOR UPDATE SKIP LOCKED}) make each reward be written once.
 */
@ApplicationScoped
public class ReleaseHeldRewardsJob {

    private final ReleaseHeldRewardsUseCase release;
    private final ReferralSettings settings;

    ReleaseHeldRewardsJob(ReleaseHeldRewardsUseCase release, ReferralSettings settings) {
        this.release = release;
        this.settings = settings;
    }

    @Scheduled(identity = "release-held-rewards", every = "${referral.reward.release-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void run() {
        release.release(new ReleaseHeldRewardsCommand(settings.reward().releaseBatchSize()));
    }
}
