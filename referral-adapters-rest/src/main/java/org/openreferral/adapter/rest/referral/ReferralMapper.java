package org.openreferral.adapter.rest.referral;

import java.util.List;
import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.referral.dto.CodeResponse;
import org.openreferral.adapter.rest.referral.dto.PublicCodeResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralResponse;
import org.openreferral.adapter.rest.referral.dto.ReferralStatsResponse;
import org.openreferral.adapter.rest.referral.dto.RewardsResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.application.referral.port.in.CodeView;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.CodeCount;
import org.openreferral.application.referral.port.in.GetReferralStatsUseCase.ReferralStatsView;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.referral.port.in.GetRewardsUseCase.RewardsView;
import org.openreferral.application.referral.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.application.referral.port.in.ReferralView;
import org.openreferral.application.shared.Page;

/** Maps the referral use cases' results to the API's response records. */
@Mapper(componentModel = "jakarta-cdi")
public interface ReferralMapper {

    CodeResponse toResponse(CodeView code);

    PublicCodeResponse toResponse(PublicCode code);

    ReferralResponse toResponse(ReferralView referral);

    ReferralResponse.RefereeResponse toResponse(ReferralView.Referee referee);

    ReferralStatsResponse toResponse(ReferralStatsView stats);

    ReferralStatsResponse.CodeCountResponse toResponse(CodeCount count);

    RewardsResponse.RewardEntryResponse toResponse(RewardEntryView entry);

    List<CodeResponse> toCodeResponses(List<CodeView> codes);

    List<ReferralResponse> toReferralResponses(List<ReferralView> referrals);

    List<RewardsResponse.RewardEntryResponse> toEntryResponses(List<RewardEntryView> entries);

    default RewardsResponse toResponse(RewardsView rewards) {
        return new RewardsResponse(rewards.balance(),
                PageResponse.of(rewards.entries(), toEntryResponses(rewards.entries().items())));
    }

    default PageResponse<CodeResponse> toCodePage(Page<CodeView> page) {
        return PageResponse.of(page, toCodeResponses(page.items()));
    }

    default PageResponse<ReferralResponse> toReferralPage(Page<ReferralView> page) {
        return PageResponse.of(page, toReferralResponses(page.items()));
    }
}
