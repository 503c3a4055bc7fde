package org.openreferral.application.fakes;

import java.time.Duration;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.domain.model.user.Email;

/** Remembers every reset link it was asked to send, and whether that happened inside a unit of work. */
public final class FakePasswordResetMailer extends RecordingLinkMailer implements PasswordResetMailer {

    public FakePasswordResetMailer(FakeUnitOfWork unitOfWork) {
        super(unitOfWork);
    }

    @Override
    public void sendResetLink(Email recipient, String token, Duration validFor) {
        record(recipient, token, validFor);
    }
}
