package org.openreferral.application.fakes;

import java.time.Duration;
import org.openreferral.application.account.port.out.EmailVerificationMailer;
import org.openreferral.domain.model.user.Email;

/** Remembers every verification link it was asked to send, and whether that happened inside a unit of work. */
public final class FakeEmailVerificationMailer extends RecordingLinkMailer implements EmailVerificationMailer {

    public FakeEmailVerificationMailer(FakeUnitOfWork unitOfWork) {
        super(unitOfWork);
    }

    @Override
    public void sendVerificationLink(Email recipient, String token, Duration validFor) {
        record(recipient, token, validFor);
    }
}
