package org.openreferral.application.account.port.in;

import java.util.Objects;
import java.util.Optional;
import org.openreferral.domain.model.user.LoginName;
import org.openreferral.domain.model.user.PresentedPassword;

/**
 * Use case: exchange a username-or-email and password for tokens (the OAuth2 password grant). A success also hands
 * out a device token of the account; a client that shows it on a later login is not locked out by the failures of
 * other clients.
 */
public interface AuthenticateUserUseCase {

    IssuedTokens authenticate(AuthenticateUserCommand command);

    /**
     * The credentials; {@code login} is a username or an email address. {@code clientNetwork} is where the attempt
     * comes from as the rate limits count it (an IPv4 address, an IPv6 /64); {@code deviceToken} the device token
     * the client showed, if any.
     */
    record AuthenticateUserCommand(LoginName login, PresentedPassword password, String clientNetwork,
                                   Optional<String> deviceToken) {

        public AuthenticateUserCommand {
            Objects.requireNonNull(login, "login");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(clientNetwork, "clientNetwork");
            Objects.requireNonNull(deviceToken, "deviceToken");
        }

        /** Credentials from an unknown network, without a device token. */
        public AuthenticateUserCommand(LoginName login, PresentedPassword password) {
            this(login, password, "unknown", Optional.empty());
        }

        @Override
        public String toString() {
            return "AuthenticateUserCommand[password=redacted]";
        }
    }
}
