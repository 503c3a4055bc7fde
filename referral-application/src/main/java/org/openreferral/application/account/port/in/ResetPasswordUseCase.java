package org.openreferral.application.account.port.in;

import java.util.Objects;
import org.openreferral.application.shared.error.InvalidTokenException;
import org.openreferral.domain.model.user.Password;

/** Use case: set a new password with a reset token; the token dies and every session of the user ends. */
public interface ResetPasswordUseCase {

    void reset(ResetPasswordCommand command);

    /**
     * The token from the mailed link and the new password. A token that cannot be one at all (blank, longer than any
     * we issue) is refused like an unknown one.
     */
    record ResetPasswordCommand(String token, Password newPassword) {

        public static final int MAX_TOKEN_LENGTH = 256;

        public ResetPasswordCommand {
            Objects.requireNonNull(newPassword, "newPassword");
            if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
                throw InvalidTokenException.resetToken();
            }
        }

        @Override
        public String toString() {
            return "ResetPasswordCommand[redacted]";
        }
    }
}
