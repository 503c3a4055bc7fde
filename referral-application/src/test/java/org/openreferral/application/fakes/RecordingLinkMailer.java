package org.openreferral.application.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openreferral.domain.model.user.Email;

/** Base of the fake link mailers: remembers every link handed over, and whether that happened inside a unit of work. */
public abstract class RecordingLinkMailer {

    /** One link handed over for delivery. */
    public record Sent(Email recipient, String token, Duration validFor) {
    }

    private final FakeUnitOfWork unitOfWork;
    private final List<Sent> sent = new ArrayList<>();
    private boolean calledInsideTransaction;

    protected RecordingLinkMailer(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    protected void record(Email recipient, String token, Duration validFor) {
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
