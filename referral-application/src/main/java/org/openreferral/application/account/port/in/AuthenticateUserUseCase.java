package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.PresentedPassword;

/** Use case: exchange a username-or-email and password for tokens (the OAuth2 password grant). */
public interface AuthenticateUserUseCase {

    IssuedTokens authenticate(AuthenticateUserCommand command);

    /** The credentials; {@code login} is a username or an email address. */
    record AuthenticateUserCommand(LoginName login, PresentedPassword password) {

        public AuthenticateUserCommand {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "AuthenticateUserCommand[password=redacted]";
        }
    }
}
