package org.openreferral.application.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openreferral.application.account.port.out.PasswordResetMailer;
import org.openreferral.domain.model.user.Email;

/** Remembers every reset link it was asked to send, and whether that happened inside a unit of work. */
public final class FakePasswordResetMailer implements PasswordResetMailer {

    /** One link handed over for delivery. */
    public record Sent(Email recipient, String token, Duration validFor) {
    }

    private final FakeUnitOfWork unitOfWork;
    private final List<Sent> sent = new ArrayList<>();
    private boolean calledInsideTransaction;

    public FakePasswordResetMailer(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void sendResetLink(Email recipient, String token, Duration validFor) {
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
