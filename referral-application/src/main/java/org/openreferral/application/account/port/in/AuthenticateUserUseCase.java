package org.openreferral.application.account.port.in;

/** Use case: exchange a username-or-email and password for tokens (the OAuth2 password grant). */
public interface AuthenticateUserUseCase {

    IssuedTokens authenticate(AuthenticateUserCommand command);

    /** The credentials; {@code login} is a username or an email address. */
    record AuthenticateUserCommand(String login, String password) {

        @Override
        public String toString() {
            return "AuthenticateUserCommand[password=redacted]";
        }
    }
}
