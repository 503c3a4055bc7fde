package org.openreferral.application.fakes;

import org.openreferral.application.account.port.out.PasswordHasher;
import org.openreferral.domain.model.user.PasswordHash;

/**
 * A fast, transparent hasher ({@code hash:<password>}) that counts its calls, and can run something while it checks a
 * password: what other requests do during the slow hash of a real one.
 */
public final class FakePasswordHasher implements PasswordHasher {

    private final FakeUnitOfWork unitOfWork;
    private int hashCalls;
    private int matchesCalls;
    private boolean calledInsideTransaction;
    private Runnable duringNextCheck;

    public FakePasswordHasher(FakeUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public PasswordHash hash(String password) {
        calledInsideTransaction |= unitOfWork.isActive();
        hashCalls++;
        return hashOf(password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        calledInsideTransaction |= unitOfWork.isActive();
        matchesCalls++;
        boolean matches = hashOf(password).equals(hash);
        Runnable meanwhile = duringNextCheck;
        duringNextCheck = null;
        if (meanwhile != null) {
            meanwhile.run();
        }
        return matches;
    }

    /** Runs {@code work} during the next password check, after the hash was compared and before the answer returns. */
    public void duringNextCheck(Runnable work) {
        duringNextCheck = work;
    }

    public static PasswordHash hashOf(String password) {
        return new PasswordHash("hash:" + password);
    }

    public int hashCalls() {
        return hashCalls;
    }

    public int matchesCalls() {
        return matchesCalls;
    }

    public boolean calledInsideTransaction() {
        return calledInsideTransaction;
    }
}
