package org.openreferral.adapter.rest.referral.dto;

import java.util.List;
import java.util.Map;

/** The caller's referral statistics; {@code byStatus} has every status, zero or not. */
public record ReferralStatsResponse(long totalReferrals, long last7Days, long last30Days, CodeResponse activeCode,
                                    List<CodeCountResponse> byCode, long rewardBalance, Map<String, Long> byStatus) {

    /** Referrals made with one code. */
    public record CodeCountResponse(String code, String status, long referrals) {
    }
}
