package org.openreferral.adapter.rest.account;

import java.util.List;
import org.mapstruct.Mapper;
import org.openreferral.adapter.rest.account.dto.UserResponse;
import org.openreferral.adapter.rest.shared.PageResponse;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.shared.Page;

/** Maps the account use cases' results to the API's response records. */
@Mapper(componentModel = "jakarta-cdi")
public interface AccountMapper {

    UserResponse toResponse(UserView user);

    UserResponse.UserRefResponse toResponse(UserView.UserRef ref);

    List<UserResponse> toUserResponses(List<UserView> users);

    default PageResponse<UserResponse> toUserPage(Page<UserView> page) {
        return PageResponse.of(page, toUserResponses(page.items()));
    }
}
