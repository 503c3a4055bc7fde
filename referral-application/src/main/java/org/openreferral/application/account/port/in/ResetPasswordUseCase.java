package org.openreferral.application.account.port.in;

/** Use case: set a new password with a reset token; the token dies and every session of the user ends. */
public interface ResetPasswordUseCase {

    void reset(ResetPasswordCommand command);

    /** The token from the mailed link and the new password. */
    record ResetPasswordCommand(String token, String newPassword) {

        @Override
        public String toString() {
            return "ResetPasswordCommand[redacted]";
        }
    }
}
