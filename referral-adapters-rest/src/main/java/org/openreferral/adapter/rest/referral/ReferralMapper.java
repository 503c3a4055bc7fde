package org.openreferral.adapter.rest.referral;

import jakarta.inject.Inject;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
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
public abstract class ReferralMapper {

    @Inject
    ShareLinks shareLinks;

    @Mapping(target = "shareLink", expression = "java(shareLinks.linkTo(code.code()))")
    public abstract CodeResponse toResponse(CodeView code);

    public abstract PublicCodeResponse toResponse(PublicCode code);

    public abstract ReferralResponse toResponse(ReferralView referral);

    public abstract ReferralResponse.RefereeResponse toResponse(ReferralView.Referee referee);

    public abstract ReferralStatsResponse toResponse(ReferralStatsView stats);

    public abstract ReferralStatsResponse.CodeCountResponse toResponse(CodeCount count);

    public abstract RewardsResponse.RewardEntryResponse toResponse(RewardEntryView entry);

    public abstract List<CodeResponse> toCodeResponses(List<CodeView> codes);

    public abstract List<ReferralResponse> toReferralResponses(List<ReferralView> referrals);

    public abstract List<RewardsResponse.RewardEntryResponse> toEntryResponses(List<RewardEntryView> entries);

    public RewardsResponse toResponse(RewardsView rewards) {
        return new RewardsResponse(rewards.balance(),
                PageResponse.of(rewards.entries(), toEntryResponses(rewards.entries().items())));
    }

    public PageResponse<CodeResponse> toCodePage(Page<CodeView> page) {
        return PageResponse.of(page, toCodeResponses(page.items()));
    }

    public PageResponse<ReferralResponse> toReferralPage(Page<ReferralView> page) {
        return PageResponse.of(page, toReferralResponses(page.items()));
    }
}
