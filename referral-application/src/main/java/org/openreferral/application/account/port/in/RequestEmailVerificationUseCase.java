package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.domain.model.user.UserId;

/**
 * Use case: mail the caller a new single-use email verification link, unless their email is verified already or
 * they asked too often lately (then nothing happens, and the caller is told nothing either way).
 */
public interface RequestEmailVerificationUseCase {

    void request(RequestEmailVerificationCommand command);

    /** The user who asks for a new link. */
    record RequestEmailVerificationCommand(UserId user) {

        public RequestEmailVerificationCommand {
            Objects.requireNonNull(user, "user");
        }
    }
}
