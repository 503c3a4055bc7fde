package org.openreferral.application.account.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.model.referral.CodeValue;
import org.openreferral.domain.model.user.DisplayName;
import org.openreferral.domain.model.user.Email;
import org.openreferral.domain.model.user.Password;
import org.openreferral.domain.model.user.Username;

/** Use case: create an account, optionally as the referral of a code's owner. */
public interface RegisterUserUseCase {

    UserView register(RegisterUserCommand command);

    /** What a new user sends; {@code name} and {@code referralCode} may be null. */
    record RegisterUserCommand(Username username, Email email, Password password, DisplayName name,
                               CodeValue referralCode, Optional<String> clientAddress) {

        public RegisterUserCommand {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(clientAddress, "clientAddress");
        }

        @Override
        public String toString() {
            return "RegisterUserCommand[username=" + username + ", password=redacted]";
        }
    }
}
