package org.openreferral.adapter.rest;

import java.util.List;
import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.dto.CodeResponse;
import org.openreferral.adapter.rest.dto.PageResponse;
import org.openreferral.adapter.rest.dto.PublicCodeResponse;
import org.openreferral.adapter.rest.dto.ReferralResponse;
import org.openreferral.adapter.rest.dto.ReferralStatsResponse;
import org.openreferral.adapter.rest.dto.RewardsResponse;
import org.openreferral.adapter.rest.dto.UserResponse;
import org.openreferral.application.port.in.CodeView;
import org.openreferral.application.port.in.GetReferralStatsUseCase.CodeCount;
import org.openreferral.application.port.in.GetReferralStatsUseCase.ReferralStatsView;
import org.openreferral.application.port.in.GetRewardsUseCase.RewardEntryView;
import org.openreferral.application.port.in.GetRewardsUseCase.RewardsView;
import org.openreferral.application.port.in.LookupReferralCodeUseCase.PublicCode;
import org.openreferral.application.port.in.Page;
import org.openreferral.application.port.in.ReferralView;
import org.openreferral.application.port.in.UserView;

/** Maps use-case results to the API's response records. */
@Mapper(componentModel = "jakarta-cdi")
public interface RestMapper {

    UserResponse toResponse(UserView user);

    UserResponse.UserRefResponse toResponse(UserView.UserRef ref);

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

    List<UserResponse> toUserResponses(List<UserView> users);

    default RewardsResponse toResponse(RewardsView rewards) {
        return new RewardsResponse(rewards.balance(), page(rewards.entries(), toEntryResponses(rewards.entries().items())));
    }

    default PageResponse<CodeResponse> toCodePage(Page<CodeView> page) {
        return page(page, toCodeResponses(page.items()));
    }

    default PageResponse<ReferralResponse> toReferralPage(Page<ReferralView> page) {
        return page(page, toReferralResponses(page.items()));
    }

    default PageResponse<UserResponse> toUserPage(Page<UserView> page) {
        return page(page, toUserResponses(page.items()));
    }

    private static <T> PageResponse<T> page(Page<?> page, List<T> items) {
        return new PageResponse<>(items, page.total(), page.page(), page.size(), page.pages());
    }
}
