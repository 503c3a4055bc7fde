package org.openreferral.application.account.port.in;

/** Use case: create an account, optionally as the referral of a code's owner. */
public interface RegisterUserUseCase {

    UserView register(RegisterUserCommand command);

    /** What a new user sends; {@code name} and {@code referralCode} may be null. */
    record RegisterUserCommand(String username, String email, String password, String name, String referralCode) {

        @Override
        public String toString() {
            return "RegisterUserCommand[username=" + username + ", password=redacted]";
        }
    }
}
