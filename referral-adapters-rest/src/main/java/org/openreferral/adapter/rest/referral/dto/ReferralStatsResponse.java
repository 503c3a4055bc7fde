package org.openreferral.adapter.rest.referral.dto;

import java.util.List;

/** The caller's referral statistics. */
public record ReferralStatsResponse(long totalReferrals, long last7Days, long last30Days, CodeResponse activeCode,
                                    List<CodeCountResponse> byCode, long rewardBalance) {

    /** Referrals made with one code. */
    public record CodeCountResponse(String code, String status, long referrals) {
    }
}
