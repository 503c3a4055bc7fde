package org.openreferral.application.fakes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openreferral.application.account.port.out.EmailVerdict;
import org.openreferral.application.account.port.out.EmailVerifier;
import org.openreferral.domain.model.user.Email;

/** A verifier that answers what the test scripted (VALID by default) and counts how often it was asked. */
public final class FakeEmailVerifier implements EmailVerifier {

    private final FakeUnitOfWork unitOfWork;
    private final Map<Email, EmailVerdict> verdicts = new HashMap<>();
    private final List<Email> asked = new ArrayList<>();
    private EmailVerdict otherwise = EmailVerdict.of(EmailVerdict.Status.VALID, "deliverable");
    private Runnable duringNextCall = () -> { };
    private boolean calledInsideTransaction;

    public FakeEmailVerifier(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public EmailVerdict verify(Email email) {
        calledInsideTransaction |= unitOfWork.isActive();
        asked.add(email);
        Runnable hook = duringNextCall;
        duringNextCall = () -> { };
        hook.run();
        return verdicts.getOrDefault(email, otherwise);
    }

    public void answer(String email, EmailVerdict verdict) {
        verdicts.put(new Email(email), verdict);
    }

    public void answerEverything(EmailVerdict verdict) {
        this.otherwise = verdict;
    }

    /** Runs {@code hook} once, while the next verification is under way: a concurrent request. */
    public void duringNextCall(Runnable hook) {
        this.duringNextCall = hook;
    }

    public int calls() {
        return asked.size();
    }

    public List<Email> asked() {
        return List.copyOf(asked);
    }

    public boolean calledInsideTransaction() {
        return calledInsideTransaction;
    }
}
