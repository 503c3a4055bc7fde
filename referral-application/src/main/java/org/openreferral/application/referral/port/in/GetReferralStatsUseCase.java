package org.openreferral.application.referral.port.in;

import java.util.List;
import java.util.Map;
import org.openreferral.application.shared.Caller;

/** Use case: how the caller's referrals are going, overall and per code. */
public interface GetReferralStatsUseCase {

    ReferralStatsView get(GetReferralStatsQuery query);

    /** Whose stats. */
    record GetReferralStatsQuery(Caller caller) {
    }

    /** The counts, the active code, the reward balance and the referrals per status (every status, in order). */
    record ReferralStatsView(long totalReferrals, long last7Days, long last30Days, CodeView activeCode,
                             List<CodeCount> byCode, long rewardBalance, Map<String, Long> byStatus) {
    }

    /** Referrals made with one code. */
    record CodeCount(String code, String status, long referrals) {
    }
}
