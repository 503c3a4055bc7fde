package org.openreferral.application.account.service;

import java.util.Comparator;
import org.openreferral.application.account.port.in.UserView;
import org.openreferral.application.account.port.out.UserRepository;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Role;
import org.openreferral.domain.model.user.User;

/** Turns users into the view the API shows, resolving who referred them. */
final class UserViews {

    private final UserRepository users;

    UserViews(UserRepository users) {
        this.users = users;
    }

    UserView of(User user) {
        UserView.UserRef referredBy = user.referredBy()
                .flatMap(users::findById)
                .map(referrer -> new UserView.UserRef(referrer.id().value(), referrer.username().value()))
                .orElse(null);
        return of(user, referredBy);
    }

    static UserView of(User user, UserView.UserRef referredBy) {
        return new UserView(user.id().value(), user.username().value(), user.name().map(DisplayName::value).orElse(null),
                user.email().value(), user.isEmailVerified(), user.createdAt(), referredBy,
                user.roles().stream().sorted(Comparator.naturalOrder()).map(Role::slug).toList());
    }
}
