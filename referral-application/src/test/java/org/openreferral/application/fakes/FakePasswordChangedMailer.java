package org.openreferral.application.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openreferral.application.account.port.out.PasswordChangedMailer;
import org.openreferral.domain.model.user.Email;

/** Remembers every "your password was changed" notice handed over, and whether that happened in a unit of work. */
public final class FakePasswordChangedMailer implements PasswordChangedMailer {

    /** One notice handed over for delivery. */
    public record Notice(Email recipient, Instant changedAt) {
    }

    private final FakeUnitOfWork unitOfWork;
    private final List<Notice> sent = new ArrayList<>();
    private boolean calledInsideTransaction;

    public FakePasswordChangedMailer(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void sendPasswordChangedNotice(Email recipient, Instant changedAt) {
        calledInsideTransaction |= unitOfWork.isActive();
        sent.add(new Notice(recipient, changedAt));
    }

    public List<Notice> sent() {
        return List.copyOf(sent);
    }

    public boolean calledInsideTransaction() {
        return calledInsideTransaction;
    }
}
