package org.openreferral.application.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openreferral.application.account.port.out.EmailVerificationMailer;
import org.openreferral.domain.model.user.Email;

/** Remembers every verification link it was asked to send, and whether that happened inside a unit of work. */
public final class FakeEmailVerificationMailer implements EmailVerificationMailer {

    /** One link handed over for delivery. */
    public record Sent(Email recipient, String token, Duration validFor) {
    }

    private final FakeUnitOfWork unitOfWork;
    private final List<Sent> sent = new ArrayList<>();
    private boolean calledInsideTransaction;

    public FakeEmailVerificationMailer(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void sendVerificationLink(Email recipient, String token, Duration validFor) {
        calledInsideTransaction |= unitOfWork.isActive();
        sent.add(new Sent(recipient, token, validFor));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public boolean calledInsideTransaction() {
        return calledInsideTransaction;
    }
}
