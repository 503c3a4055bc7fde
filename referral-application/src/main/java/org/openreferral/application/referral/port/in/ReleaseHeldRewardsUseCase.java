package org.openreferral.application.referral.port.in;

/** Use case: the scheduler rewards the QUALIFIED referrals whose hold is over, each exactly once. */
public interface ReleaseHeldRewardsUseCase {

    ReleasedRewards release(ReleaseHeldRewardsCommand command);

    /** How many referrals one transaction claims and rewards at most. */
    record ReleaseHeldRewardsCommand(int batchSize) {

        public ReleaseHeldRewardsCommand {
            if (batchSize < 1) {
                throw new IllegalArgumentException("the batch size must be positive");
            }
        }
    }

    /** How many referrals this run rewarded. */
    record ReleasedRewards(int count) {
    }
}
